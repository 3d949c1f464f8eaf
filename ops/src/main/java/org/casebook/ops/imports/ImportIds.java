package org.casebook.ops.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;

import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ResultId;
import org.casebook.shared.id.SessionId;
import org.casebook.shared.refusal.Refusal;

/**
 * The ids imported rows get: made from the legacy system's name and the legacy id, so that importing the
 * same row again finds what the first import stored instead of storing it twice, and two systems that
 * both number their rows from 1 do not meet. A legacy id that is not a valid Casebook id as it is (a
 * slash, a space, too long) is replaced by its digest.
 */
final class ImportIds {

    private final String system;

    ImportIds(String systemName) {
        String slug = systemName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        this.system = slug.isEmpty() ? "legacy" : slug.substring(0, Math.min(slug.length(), 24));
    }

    EngagementId engagement(String legacyId) {
        return id("imp-" + system + "-", legacyId, EngagementId::new);
    }

    SessionId session(String legacyId) {
        return id("imp-" + system + "-s-", legacyId, SessionId::new);
    }

    ResultId result(String legacyId) {
        return id("imp-" + system + "-r-", legacyId, ResultId::new);
    }

    /** The id as the id type itself accepts it: the legacy id with a prefix, else its digest. */
    private static <T> T id(String prefix, String legacyId, Function<String, T> type) {
        try {
            return type.apply(prefix + legacyId);
        } catch (Refusal notAnId) {
            return type.apply(prefix + digest(legacyId));
        }
    }

    private static String digest(String legacyId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(legacyId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
