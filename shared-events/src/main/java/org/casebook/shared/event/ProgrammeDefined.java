package org.casebook.shared.event;

import org.axonframework.serialization.Revision;
import org.casebook.shared.id.ProgrammeCode;

/** Reference data: a funding programme and its funder, or new details of one. The latest definition holds. */
@Revision("1")
public record ProgrammeDefined(ProgrammeCode code, String name, String funder) {
}
