package org.casebook.shared.value;

/**
 * How the client attested a result. {@code LEGACY_RECORD}: the attestation is the one the legacy system
 * recorded before Casebook, with its evidence reference and SHA-256; only an import gives it.
 */
public enum AttestationMethod {
    SIGNED_FORM, EMAIL, PORTAL, LEGACY_RECORD
}
