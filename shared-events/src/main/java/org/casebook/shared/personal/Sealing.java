package org.casebook.shared.personal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Seals and opens the personal values of an event's JSON form with the client's key: AES-256-GCM, a
 * fresh 96-bit nonce per value, and the engagement and the value's path as associated data, so a
 * sealed value cannot be moved to another field or another client unnoticed. A sealed value is stored
 * as {@code {"sealed": "<base64 of nonce and ciphertext>"}}; a value whose key is gone reads as
 * {@link PersonalData#ERASED}, one that was altered as {@link PersonalData#UNREADABLE}.
 */
public final class Sealing {

    public static final String SEALED = "sealed";
    public static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Sealing() {
    }

    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** Seals the personal values of an event of the type in place; with no key, stores them as erased. */
    public static void seal(Class<?> type, ObjectNode tree, String engagementId, PersonalDataKeys keys) {
        if (!PersonalFields.any(type)) {
            return;
        }
        Optional<byte[]> key = keys.keyToSeal(engagementId);
        PersonalFields.rewrite(type, tree, (path, value) -> key
                .<JsonNode>map(k -> NODES.objectNode().put(SEALED, seal(k, engagementId, path, value.asText())))
                .orElse(NODES.textNode(PersonalData.ERASED)));
    }

    /** Opens the sealed values of an event of the type in place; without the key they read as erased. */
    public static void open(Class<?> type, JsonNode tree, String engagementId, PersonalDataKeys keys) {
        if (!PersonalFields.any(type)) {
            return;
        }
        Optional<byte[]>[] key = new Optional[1];
        PersonalFields.rewrite(type, tree, (path, value) -> {
            if (!isSealed(value)) {
                return value;
            }
            if (key[0] == null) {
                key[0] = keys.keyToOpen(engagementId);
            }
            return NODES.textNode(key[0].map(k -> openOrFlag(k, engagementId, path, value.get(SEALED).asText()))
                    .orElse(PersonalData.ERASED));
        });
    }

    public static boolean isSealed(JsonNode value) {
        return value != null && value.isObject() && value.hasNonNull(SEALED);
    }

    static String seal(byte[] key, String engagementId, String path, String plaintext) {
        return Base64.getEncoder().encodeToString(encrypt(key, plaintext.getBytes(StandardCharsets.UTF_8),
                associated(engagementId, path)));
    }

    /** The value, or {@link PersonalData#UNREADABLE} if it was altered: the audit chain names the event. */
    private static String openOrFlag(byte[] key, String engagementId, String path, String sealedText) {
        try {
            return open(key, engagementId, path, sealedText);
        } catch (IllegalStateException altered) {
            return PersonalData.UNREADABLE;
        }
    }

    static String open(byte[] key, String engagementId, String path, String sealedText) {
        try {
            return new String(decrypt(key, Base64.getDecoder().decode(sealedText), associated(engagementId, path)),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("A sealed value of engagement " + engagementId + " (" + path
                    + ") does not open with its key: it was altered", e);
        }
    }

    private static byte[] associated(String engagementId, String path) {
        return (engagementId + "|" + path).getBytes(StandardCharsets.UTF_8);
    }

    /** AES-256-GCM with a fresh nonce, bound to {@code associated}: the nonce, then ciphertext and tag. */
    public static byte[] encrypt(byte[] key, byte[] plaintext, byte[] associated) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, key, nonce, associated).doFinal(plaintext);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt", e);
        }
    }

    /** What {@link #encrypt} made, opened; throws if it was altered or the key or associated data differ. */
    public static byte[] decrypt(byte[] key, byte[] sealed, byte[] associated) {
        try {
            if (sealed.length < NONCE_BYTES) {
                throw new IllegalStateException("Too short to have been encrypted here: it was altered");
            }
            return cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(sealed, NONCE_BYTES), associated)
                    .doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Does not open with its key: it was altered", e);
        }
    }

    /** A cipher a thread: looking the algorithm up costs more than initializing it for each value. */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    });

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, byte[] associated) throws GeneralSecurityException {
        Cipher cipher = CIPHERS.get();
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associated);
        return cipher;
    }
}
