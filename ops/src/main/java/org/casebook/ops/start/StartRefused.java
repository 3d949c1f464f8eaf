package org.casebook.ops.start;

/**
 * A start Casebook itself refuses, saying what is wrong and what to do about it, in words an operator
 * (or a new user at a terminal) acts on.
 */
public class StartRefused extends RuntimeException {

    private final String action;

    public StartRefused(String description, String action) {
        this(description, action, null);
    }

    public StartRefused(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }

    /** The environment variable that sets a setting: {@code casebook.embedded.mongo-port} → {@code CASEBOOK_EMBEDDED_MONGO_PORT}. */
    public static String environmentVariable(String setting) {
        return setting.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** "setting (environment variable VARIABLE)": how a message names a setting. */
    public static String named(String setting) {
        return setting + " (environment variable " + environmentVariable(setting) + ")";
    }
}
