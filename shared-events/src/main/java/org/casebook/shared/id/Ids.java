package org.casebook.shared.id;

import java.util.regex.Pattern;

import org.casebook.shared.refusal.Refusal;

/** The one rule every identifier shares: short, printable, no spaces, so it is safe in paths and logs. */
final class Ids {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@:-]{0,99}");

    private Ids() {
    }

    static String check(String value, String field) {
        if (value == null || value.isBlank()) {
            throw Refusal.required(field);
        }
        if (!SHAPE.matcher(value).matches()) {
            throw Refusal.invalid("identifier-invalid", field, value);
        }
        return value;
    }
}
