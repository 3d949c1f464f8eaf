package org.casebook.query.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The version of each read model that serves the queries on this node. The operations module keeps it
 * equal to the version recorded in PostgreSQL, so every node switches when a rebuilt version takes over.
 */
@Component
public class ReadModelVersions {

    /** The version a read model has before it was ever rebuilt. */
    public static final int FIRST = 1;

    private final Map<String, Integer> current = new ConcurrentHashMap<>();

    public int current(String readModel) {
        return current.getOrDefault(readModel, FIRST);
    }

    public void serve(String readModel, int version) {
        current.put(readModel, version);
    }
}
