package org.casebook.shared.refusal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks of single values that hold everywhere, whoever sends the value. Each names the field at
 * fault in its refusal, with the path a client sent (for instance {@code enterprise.country}).
 */
public final class Checks {

    public static final int SHORT_TEXT = 200;
    public static final int LONG_TEXT = 4000;

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Checks() {
    }

    public static <T> T required(T value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw Refusal.required(field);
        }
        return value;
    }

    /** A required text of at most {@link #SHORT_TEXT} characters, trimmed. */
    public static String requiredText(String value, String field) {
        return optionalText(required(value, field), field, SHORT_TEXT);
    }

    /** An optional text, trimmed, blank read as absent. */
    public static String optionalText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw Refusal.rule("text-too-long", field, maxLength);
        }
        return trimmed;
    }

    public static String country(String value, String field) {
        required(value, field);
        if (!COUNTRIES.contains(value)) {
            throw Refusal.rule("country-unknown", field, value);
        }
        return value;
    }

    public static String email(String value, String field) {
        String email = optionalText(value, field, SHORT_TEXT);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw Refusal.rule("email-invalid", field, email);
        }
        return email;
    }

    public static int notNegative(int value, String field) {
        if (value < 0) {
            throw Refusal.rule("number-negative", field);
        }
        return value;
    }
}
