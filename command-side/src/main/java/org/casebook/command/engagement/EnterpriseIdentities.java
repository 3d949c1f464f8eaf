package org.casebook.command.engagement;

import java.util.Optional;

import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.EngagementId;

/**
 * One enterprise, one identity: at most one open engagement per country and tax id. Claims are made
 * in the transaction that stores the engagement's events, so they hold exactly when the events do.
 */
public interface EnterpriseIdentities {

    /**
     * Claims the identity for the engagement.
     *
     * @return empty when the claim holds; else the center of the open engagement that holds it
     */
    Optional<CenterId> claim(String country, String taxId, EngagementId engagement, CenterId center);

    /**
     * The center of the open engagement that holds the identity, if one does: what a claim would meet,
     * asked before the counselor types the rest of an intake.
     */
    Optional<CenterId> holder(String country, String taxId);

    /** Moves the claim with its engagement to another center. */
    void move(String country, String taxId, EngagementId engagement, CenterId center);

    /** Releases the engagement's claim, when it closes. */
    void release(String country, String taxId, EngagementId engagement);

    /** Forgets the engagement's claim with the tax id in it, when the client's personal data is erased. */
    void forget(EngagementId engagement);
}
