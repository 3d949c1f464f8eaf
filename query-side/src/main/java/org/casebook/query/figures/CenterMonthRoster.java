package org.casebook.query.figures;

import java.util.Map;

/**
 * Every engagement that had anything counted in one center-month (a session, a result, the intake) in
 * any version of its facts, at any time: ids are added, never removed. A figure as of any earlier
 * recording time can only come from these engagements, so an as-of dashboard reads the rosters of its
 * scope and range by id, then those engagements' facts by id, instead of searching every engagement.
 */
public record CenterMonthRoster(String id, Map<String, Boolean> engagements) {

    public CenterMonthRoster {
        engagements = engagements == null ? Map.of() : engagements;
    }
}
