package org.casebook.shared.id;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A result (impact) claimed within an engagement: financing, jobs, sales, starts. */
public record ResultId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ResultId {
        Ids.check(value, "resultId");
    }

    public static ResultId random() {
        return new ResultId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
