package org.casebook.shared.personal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The clients' keys in memory: for the aggregate's specifications and for tools that need no database. */
public final class InMemoryPersonalDataKeys implements PersonalDataKeys {

    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    private final Set<String> erased = ConcurrentHashMap.newKeySet();

    @Override
    public Optional<byte[]> keyToSeal(String engagementId) {
        return erased.contains(engagementId) ? Optional.empty()
                : Optional.of(keys.computeIfAbsent(engagementId, id -> Sealing.newKey()));
    }

    @Override
    public Optional<byte[]> keyToOpen(String engagementId) {
        return Optional.ofNullable(keys.get(engagementId));
    }

    @Override
    public boolean erase(String engagementId) {
        keys.remove(engagementId);
        return erased.add(engagementId);
    }

    /** The clients whose keys were erased. */
    public Set<String> erased() {
        return Set.copyOf(erased);
    }
}
