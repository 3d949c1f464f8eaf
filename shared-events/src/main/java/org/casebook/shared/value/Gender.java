package org.casebook.shared.value;

/** The owner's gender, as the owner states it; used for breakdowns of the figures. */
public enum Gender {
    FEMALE, MALE, NON_BINARY, UNDISCLOSED
}
