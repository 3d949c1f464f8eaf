package org.casebook.shared.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A counselor (asesor), by user name. */
public record CounselorId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CounselorId {
        Ids.check(value, "counselorId");
    }

    @Override
    public String toString() {
        return value;
    }
}
