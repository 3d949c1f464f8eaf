package org.casebook.shared.event;

import org.axonframework.serialization.Revision;
import org.casebook.shared.id.CenterId;

/** Reference data: a service center of the network, or new details of one. The latest definition holds. */
@Revision("1")
public record CenterDefined(CenterId centerId, String name, String country) {
}
