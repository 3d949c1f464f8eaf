package org.casebook.shared.value;

/**
 * Where a result stands in its evidence lifecycle: claimed by the counselor, attested by the client,
 * then verified by a director, or rejected, or withdrawn. Only verified results count in donor reports.
 */
public enum ResultStatus {
    CLAIMED, ATTESTED, VERIFIED, REJECTED, WITHDRAWN;

    /** Whether the result counts among the claimed figures (every result neither rejected nor withdrawn). */
    public boolean isClaimed() {
        return this != REJECTED && this != WITHDRAWN;
    }
}
