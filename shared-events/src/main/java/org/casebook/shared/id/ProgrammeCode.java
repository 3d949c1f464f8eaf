package org.casebook.shared.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A funding programme, for instance {@code DINAMICA}. */
public record ProgrammeCode(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ProgrammeCode {
        Ids.check(value, "programme");
    }

    @Override
    public String toString() {
        return value;
    }
}
