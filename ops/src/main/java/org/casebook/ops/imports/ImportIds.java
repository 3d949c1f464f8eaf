package org.casebook.ops.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The ids imported rows get: made from the legacy id, so that importing the same row again finds what
 * the first import stored instead of storing it twice. A legacy id that is not a valid Casebook id as
 * it is (a slash, a space, too long) is replaced by its digest.
 */
final class ImportIds {

    /** The shape every Casebook id has. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@:-]{0,99}");

    private ImportIds() {
    }

    static String engagement(String legacyId) {
        return id("imp-", legacyId);
    }

    static String session(String legacyId) {
        return id("imp-s-", legacyId);
    }

    static String result(String legacyId) {
        return id("imp-r-", legacyId);
    }

    private static String id(String prefix, String legacyId) {
        String plain = prefix + legacyId;
        if (SHAPE.matcher(plain).matches()) {
            return plain;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(legacyId.getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
