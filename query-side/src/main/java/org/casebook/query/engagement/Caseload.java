package org.casebook.query.engagement;

import java.util.Map;

/** A center's caseload: its engagements' lines by engagement id. */
public record Caseload(String id, Map<String, CaseloadLine> lines) {
}
