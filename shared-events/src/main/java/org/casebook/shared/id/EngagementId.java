package org.casebook.shared.id;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** One client enterprise's engagement with a center. */
public record EngagementId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public EngagementId {
        Ids.check(value, "engagementId");
    }

    public static EngagementId random() {
        return new EngagementId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
