package org.casebook.shared.refusal;

/** Why something was refused; the HTTP layer turns each kind into its status. */
public enum RefusalKind {
    /** Nobody is signed in, or the sign-in failed. */
    UNAUTHENTICATED,
    /** The person signed in may not do this at all. */
    FORBIDDEN,
    /** Too many failed attempts: wait, then try again. */
    TOO_MANY_ATTEMPTS,
    /** The request itself is malformed: a missing field, a wrong type, an impossible value. */
    INVALID_INPUT,
    /** The thing asked for does not exist (or the asker may not know that it does). */
    NOT_FOUND,
    /** Someone else changed the same thing at the same time: reload and try again. */
    CONFLICT,
    /** The request is well-formed but breaks a rule of the business. */
    RULE_BROKEN
}
