package org.casebook.shared.value;

/** The enterprise's stage at intake. */
public enum Stage {
    PRE_VENTURE, START_UP, IN_BUSINESS
}
