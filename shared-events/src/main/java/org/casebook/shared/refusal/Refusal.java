package org.casebook.shared.refusal;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A request Casebook refuses, with a stable {@code code} that clients may rely on and a message a
 * counselor understands, in English or Spanish ({@code refusals*.properties} beside this class).
 * Nothing has been stored when a refusal is thrown.
 */
public class Refusal extends RuntimeException {

    private static final String BUNDLE = "org.casebook.shared.refusal.refusals";

    private final String code;
    private final RefusalKind kind;
    private final String field;
    private final List<Object> details;

    /**
     * @param field   the field at fault, as the client named it, or {@code null}; it is {0} in the message
     * @param details what else the message shows, as {1}, {2}...
     */
    public Refusal(RefusalKind kind, String code, String field, Object... details) {
        super(code, null, false, false);
        this.kind = kind;
        this.code = code;
        this.field = field;
        this.details = List.of(details);
    }

    public static Refusal required(String field) {
        return new Refusal(RefusalKind.INVALID_INPUT, "field-required", field);
    }

    public static Refusal invalid(String code, String field, Object... details) {
        return new Refusal(RefusalKind.INVALID_INPUT, code, field, details);
    }

    public static Refusal rule(String code, String field, Object... details) {
        return new Refusal(RefusalKind.RULE_BROKEN, code, field, details);
    }

    public static Refusal notFound(String code, Object... details) {
        return new Refusal(RefusalKind.NOT_FOUND, code, null, details);
    }

    public static Refusal conflict(String code, Object... details) {
        return new Refusal(RefusalKind.CONFLICT, code, null, details);
    }

    public String code() {
        return code;
    }

    public RefusalKind kind() {
        return kind;
    }

    /** The field at fault, or {@code null} when the refusal is not about one field. */
    public String field() {
        return field;
    }

    public List<Object> details() {
        return details;
    }

    /** The same refusal, naming the field by its full path where the caller knows more than the value did. */
    public Refusal atField(String path) {
        return field == null || path == null ? this : new Refusal(kind, code, path, details.toArray());
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }

    /** The message for a code in the asker's language; English where no translation exists. */
    public String message(Locale locale) {
        Object[] arguments = new Object[details.size() + 1];
        arguments[0] = field;
        for (int i = 0; i < details.size(); i++) {
            arguments[i + 1] = details.get(i);
        }
        return message(code, locale, arguments);
    }

    public static String message(String code, Locale locale, Object... arguments) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale, Refusal.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(code);
        } catch (MissingResourceException e) {
            return code;
        }
        return new MessageFormat(pattern, locale).format(arguments);
    }
}
