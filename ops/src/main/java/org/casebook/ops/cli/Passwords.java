package org.casebook.ops.cli;

import java.io.Console;

/** Where a command-line tool finds the password: the environment, else a prompt on the terminal. */
@FunctionalInterface
interface Passwords {

    String VARIABLE = "CASEBOOK_PASSWORD";

    /** The password of this user; {@code null} when there is none to be had. */
    char[] password(String user);

    static Passwords fromEnvironmentOrConsole() {
        return user -> {
            String given = System.getenv(VARIABLE);
            if (given != null && !given.isEmpty()) {
                return given.toCharArray();
            }
            Console console = System.console();
            return console == null ? null : console.readPassword("Password of %s: ", user);
        };
    }
}
