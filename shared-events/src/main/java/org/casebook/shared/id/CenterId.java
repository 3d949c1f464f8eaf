package org.casebook.shared.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A service center, for instance {@code HN-TGU-01}. */
public record CenterId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CenterId {
        Ids.check(value, "centerId");
    }

    @Override
    public String toString() {
        return value;
    }
}
