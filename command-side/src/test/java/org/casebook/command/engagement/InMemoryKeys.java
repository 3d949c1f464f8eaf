package org.casebook.command.engagement;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.casebook.shared.personal.PersonalDataKeys;
import org.casebook.shared.personal.Sealing;

/** The clients' keys for the aggregate's specifications; the PostgreSQL table is tested over HTTP. */
class InMemoryKeys implements PersonalDataKeys {

    final Map<String, byte[]> keys = new HashMap<>();
    final Set<String> erased = new HashSet<>();

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
}
