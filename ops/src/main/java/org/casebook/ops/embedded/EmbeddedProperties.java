package org.casebook.ops.embedded;

import java.nio.file.Path;

import org.casebook.ops.start.StartRefused;
import org.springframework.core.env.Environment;

/**
 * Settings of the embedded databases ({@code casebook.embedded.*}), read before the application context
 * exists, which is why they are read straight from the environment.
 *
 * @param dataDirectory  where both embedded databases keep their files ({@code ./data})
 * @param postgresPort   loopback port of the embedded PostgreSQL (55432, clear of a local 5432);
 *                       0 picks a free one
 * @param mongoPort      loopback port of the embedded MongoDB server (57017, clear of a local 27017);
 *                       0 picks a free one
 * @param mongoCacheMb   megabytes of read-model pages the embedded MongoDB server keeps decoded in
 *                       memory, as H2 estimates them (twice their stored size; decoded, they take more);
 *                       a read of a cached page decodes nothing. By default an eighth of the heap, 32
 *                       to 1024.
 */
record EmbeddedProperties(boolean enabled, Path dataDirectory, int postgresPort, int mongoPort, int mongoCacheMb) {

    static EmbeddedProperties from(Environment environment) {
        return new EmbeddedProperties(
                setting(environment, "casebook.embedded.enabled", Boolean.class, true, "true or false"),
                Path.of(environment.getProperty("casebook.embedded.data-directory", "data")),
                port(environment, "casebook.embedded.postgres-port", 55432),
                port(environment, "casebook.embedded.mongo-port", 57017),
                setting(environment, "casebook.embedded.mongo-cache-mb", Integer.class, defaultMongoCacheMb(),
                        "a whole number of megabytes"));
    }

    private static int port(Environment environment, String name, int otherwise) {
        int port = setting(environment, name, Integer.class, otherwise, "a port number, 0 to 65535");
        if (port < 0 || port > 65535) {
            throw invalid(environment, name, "a port number, 0 to 65535", null);
        }
        return port;
    }

    /** A setting's value; a start refused, naming the setting, when it is not one. */
    private static <T> T setting(Environment environment, String name, Class<T> type, T otherwise, String expected) {
        try {
            return environment.getProperty(name, type, otherwise);
        } catch (RuntimeException e) {
            throw invalid(environment, name, expected, e);
        }
    }

    private static StartRefused invalid(Environment environment, String name, String expected, Throwable cause) {
        return new StartRefused("The setting " + StartRefused.named(name) + " has the value \""
                + environment.getProperty(name) + "\", which is not " + expected + ".", "Correct it, or remove it to take the default.",
                cause);
    }

    private static int defaultMongoCacheMb() {
        long eighthOfHeap = Runtime.getRuntime().maxMemory() / 8 / (1024 * 1024);
        return (int) Math.max(32, Math.min(1024, eighthOfHeap));
    }
}
