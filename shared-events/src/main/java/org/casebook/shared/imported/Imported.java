package org.casebook.shared.imported;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where an imported event came from, kept in its metadata: the import batch that stored it, the legacy
 * system the history was kept in before Casebook, and the legacy id of the row it was made from. An event
 * recorded in Casebook has none of these keys. The metadata keys are defined here, once, for both sides.
 */
public record Imported(String batchId, String system, String legacyId) {

    public static final String BATCH = "importBatch";
    public static final String SYSTEM = "legacySystem";
    public static final String LEGACY_ID = "legacyId";
    /** On a verification the legacy system had made: who verified the result there. */
    public static final String VERIFIED_BY = "legacyVerifiedBy";
    /**
     * The legacy system's business date of an event that has none of its own: when it verified a result,
     * when it closed an engagement.
     */
    public static final String LEGACY_DATE = "legacyDate";

    /** The metadata an event of this row carries. */
    public Map<String, String> metaData() {
        Map<String, String> metaData = new HashMap<>();
        metaData.put(BATCH, batchId);
        metaData.put(SYSTEM, system);
        metaData.put(LEGACY_ID, legacyId);
        return metaData;
    }

    /** The same batch and system, for another row. */
    public Imported row(String otherLegacyId) {
        return new Imported(batchId, system, otherLegacyId);
    }

    /** Where the event came from, if it was imported. */
    public static Optional<Imported> of(Map<String, ?> metaData) {
        Object batch = metaData.get(BATCH);
        if (batch == null) {
            return Optional.empty();
        }
        return Optional.of(new Imported(batch.toString(), text(metaData.get(SYSTEM)), text(metaData.get(LEGACY_ID))));
    }

    /** A verification made in the legacy system, before Casebook: by whom and when. */
    public record LegacyVerification(String verifiedBy, LocalDate date) {

        public Map<String, String> metaData() {
            Map<String, String> metaData = new HashMap<>();
            if (verifiedBy != null) {
                metaData.put(VERIFIED_BY, verifiedBy);
            }
            if (date != null) {
                metaData.put(LEGACY_DATE, date.toString());
            }
            return metaData;
        }

        /** The legacy verification the event's metadata records, if it records one. */
        public static Optional<LegacyVerification> of(Map<String, ?> metaData) {
            Object by = metaData.get(VERIFIED_BY);
            Object date = metaData.get(LEGACY_DATE);
            if (by == null) {
                return Optional.empty();
            }
            return Optional.of(new LegacyVerification(text(by), date == null ? null : LocalDate.parse(date.toString())));
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
