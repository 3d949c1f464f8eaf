package org.casebook.query.audit;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;

import javax.sql.DataSource;

import org.casebook.shared.audit.AuditBundle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Casebook's key for signing export manifests (Ed25519, from the JDK), made on first use and kept in
 * PostgreSQL ({@code audit_signing_key}), so that every node signs with the same key and donors can pin
 * its fingerprint once.
 */
@Component
public class SigningKey {

    private final JdbcTemplate jdbc;
    private volatile KeyPair keys;

    public SigningKey(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public KeyPair keys() {
        KeyPair known = keys;
        if (known == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = loadOrMake();
                }
                known = keys;
            }
        }
        return known;
    }

    /** What donors pin: the algorithm, the public key (X.509, base64) and its SHA-256 fingerprint. */
    public record Published(String algorithm, String publicKey, String fingerprint) {
    }

    public Published published() {
        String publicKey = java.util.Base64.getEncoder().encodeToString(keys().getPublic().getEncoded());
        return new Published(AuditBundle.SIGNATURE_ALGORITHM, publicKey,
                new AuditBundle.Signature(AuditBundle.SIGNATURE_ALGORITHM, publicKey, "").fingerprint());
    }

    private KeyPair loadOrMake() {
        try {
            KeyPair made = KeyPairGenerator.getInstance(AuditBundle.SIGNATURE_ALGORITHM).generateKeyPair();
            // The first node to get here makes the key; every other keeps the one stored.
            jdbc.update("INSERT INTO audit_signing_key (key_id, public_key, private_key) VALUES (1, ?, ?) "
                    + "ON CONFLICT (key_id) DO NOTHING", made.getPublic().getEncoded(), made.getPrivate().getEncoded());
            List<KeyPair> stored = jdbc.query("SELECT public_key, private_key FROM audit_signing_key WHERE key_id = 1",
                    (row, n) -> decode(row.getBytes(1), row.getBytes(2)));
            return stored.get(0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime cannot make Ed25519 keys", e);
        }
    }

    private static KeyPair decode(byte[] publicKey, byte[] privateKey) {
        try {
            KeyFactory factory = KeyFactory.getInstance(AuditBundle.SIGNATURE_ALGORITHM);
            return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(publicKey)),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(privateKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored audit signing key cannot be read", e);
        }
    }
}
