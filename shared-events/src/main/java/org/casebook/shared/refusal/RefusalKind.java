package org.casebook.shared.refusal;

/** Why something was refused; the HTTP layer turns each kind into its status. */
public enum RefusalKind {
    /** The request itself is malformed: a missing field, a wrong type, an impossible value. */
    INVALID_INPUT,
    /** The thing asked for does not exist (or the asker may not know that it does). */
    NOT_FOUND,
    /** Someone else changed the same thing at the same time: reload and try again. */
    CONFLICT,
    /** The request is well-formed but breaks a rule of the business. */
    RULE_BROKEN
}
