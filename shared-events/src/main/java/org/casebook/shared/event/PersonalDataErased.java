package org.casebook.shared.event;

import org.axonframework.serialization.Revision;
import org.casebook.shared.id.EngagementId;

/**
 * The client's personal data was erased: their key is gone, so every personal value of the engagement's
 * events reads as erased from now on, while counts, hours and amounts stay.
 *
 * @param reason why, as the director or administrator gave it (the legal ground, a request's reference);
 *               kept readable, so it must not itself hold personal data
 */
@Revision("1")
public record PersonalDataErased(EngagementId engagementId, String reason) implements EngagementEvent {
}
