package org.casebook.shared.personal;

import java.util.Optional;

/**
 * The clients' keys for their personal data, one per engagement, kept apart from the events. Erasing a
 * key makes every sealed value of that client unreadable for good.
 */
public interface PersonalDataKeys {

    /** The key to seal new values with, made on first use; empty once the client's key was erased. */
    Optional<byte[]> keyToSeal(String engagementId);

    /** The key to open sealed values with; empty if there never was one or it was erased. */
    Optional<byte[]> keyToOpen(String engagementId);

    /** Erases the client's key for good; false if it was erased already. */
    boolean erase(String engagementId);
}
