package org.casebook.query.engagement;

import java.util.Map;

/**
 * A part of a center's caseload: its engagements' lines by engagement id. The center's active part
 * (by center id) holds every open engagement and every closed one with a result awaiting verification,
 * so a caseload page of open engagements and the verification queue are one key lookup per center,
 * however long the center's history. Closed engagements move to a part per year of intake
 * ({@code HN-TGU-01|closed|2019}); the active part lists those years in {@code closedYears}.
 */
public record Caseload(String id, Map<String, CaseloadLine> lines, Map<String, Boolean> closedYears) {

    public Caseload {
        lines = lines == null ? Map.of() : lines;
        closedYears = closedYears == null ? Map.of() : closedYears;
    }

    /** The id of the part a line belongs in. */
    public static String partOf(CaseloadLine line) {
        return EngagementView.OPEN.equals(line.status()) || !line.attested().isEmpty() ? line.centerId()
                : closedPart(line.centerId(), String.valueOf(line.intakeDate().getYear()));
    }

    public static String closedPart(String center, String year) {
        return center + "|closed|" + year;
    }

    /** Whether the part is a center's active part (its id is the center's). */
    public static boolean isActive(String part) {
        return !part.contains("|");
    }
}
