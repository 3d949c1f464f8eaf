package org.casebook.query.engagement;

import java.util.List;
import java.util.Map;

import org.casebook.query.store.DocumentParts;

/**
 * A part of a center's caseload: its engagements' lines by engagement id. The center's active part
 * ({@code HN-TGU-01|open}) holds every open engagement and every closed one with a result awaiting
 * verification, so a caseload page of open engagements and the verification queue read one part per
 * center, however long the center's history. Closed engagements move to a part per year of intake
 * ({@code HN-TGU-01|closed|2019}); the center's own document ({@code HN-TGU-01}) lists those years in
 * {@code closedYears}. Each part is kept in {@link DocumentParts}, each line in one of them.
 */
public record Caseload(String id, Map<String, CaseloadLine> lines, Map<String, Boolean> closedYears) {

    public Caseload {
        lines = lines == null ? Map.of() : lines;
        closedYears = closedYears == null ? Map.of() : closedYears;
    }

    /** The id of the part (and its document) a line belongs in. */
    public static String partOf(CaseloadLine line) {
        String part = EngagementView.OPEN.equals(line.status()) || !line.attested().isEmpty() ? activePart(line.centerId())
                : closedPart(line.centerId(), String.valueOf(line.intakeDate().getYear()));
        return DocumentParts.partOf(part, line.id());
    }

    public static String activePart(String center) {
        return center + "|open";
    }

    public static String closedPart(String center, String year) {
        return center + "|closed|" + year;
    }

    /** The ids of the documents of these parts. */
    public static List<String> documentsOf(List<String> parts) {
        return DocumentParts.partsOf(parts);
    }

    /** Whether the document is of a center's active part. */
    public static boolean isActive(String document) {
        return document.contains("|open|");
    }
}
