package org.casebook.shared.value;

/**
 * Why an engagement was closed. {@code IMPORTED_IN_ERROR} is given only by revoking an import batch: the
 * engagement came from a legacy history that should not have been imported, and leaves every figure.
 */
public enum ClosureReason {
    COMPLETED, CLIENT_WITHDREW, NO_CONTACT, IMPORTED_IN_ERROR;

    /** Whether a counselor or director may close an engagement for this reason. */
    public boolean isChosenByPeople() {
        return this != IMPORTED_IN_ERROR;
    }
}
