package org.casebook.shared.value;

/** Why an engagement was closed. */
public enum ClosureReason {
    COMPLETED, CLIENT_WITHDREW, NO_CONTACT
}
