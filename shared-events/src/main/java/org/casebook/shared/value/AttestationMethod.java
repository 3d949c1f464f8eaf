package org.casebook.shared.value;

/** How the client attested a result. */
public enum AttestationMethod {
    SIGNED_FORM, EMAIL, PORTAL
}
