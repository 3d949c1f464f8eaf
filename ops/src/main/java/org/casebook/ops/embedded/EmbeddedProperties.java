package org.casebook.ops.embedded;

import java.nio.file.Path;

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
                environment.getProperty("casebook.embedded.enabled", Boolean.class, true),
                Path.of(environment.getProperty("casebook.embedded.data-directory", "data")),
                environment.getProperty("casebook.embedded.postgres-port", Integer.class, 55432),
                environment.getProperty("casebook.embedded.mongo-port", Integer.class, 57017),
                environment.getProperty("casebook.embedded.mongo-cache-mb", Integer.class, defaultMongoCacheMb()));
    }

    private static int defaultMongoCacheMb() {
        long eighthOfHeap = Runtime.getRuntime().maxMemory() / 8 / (1024 * 1024);
        return (int) Math.max(32, Math.min(1024, eighthOfHeap));
    }
}
