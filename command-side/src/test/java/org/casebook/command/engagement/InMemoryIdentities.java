package org.casebook.command.engagement;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.EngagementId;

/** The identity claims for the aggregate's specifications, kept in a map; the table itself is tested over HTTP. */
class InMemoryIdentities implements EnterpriseIdentities {

    record Claim(EngagementId engagement, CenterId center) {
    }

    final Map<String, Claim> claims = new HashMap<>();

    @Override
    public Optional<CenterId> claim(String country, String taxId, EngagementId engagement, CenterId center) {
        Claim existing = claims.putIfAbsent(country + "/" + taxId, new Claim(engagement, center));
        return existing == null || existing.engagement().equals(engagement)
                ? Optional.empty() : Optional.of(existing.center());
    }

    @Override
    public Optional<CenterId> holder(String country, String taxId) {
        return Optional.ofNullable(claims.get(country + "/" + taxId)).map(Claim::center);
    }

    @Override
    public void move(String country, String taxId, EngagementId engagement, CenterId center) {
        claims.computeIfPresent(country + "/" + taxId,
                (key, claim) -> claim.engagement().equals(engagement) ? new Claim(engagement, center) : claim);
    }

    @Override
    public void release(String country, String taxId, EngagementId engagement) {
        claims.computeIfPresent(country + "/" + taxId, (key, claim) -> claim.engagement().equals(engagement) ? null : claim);
    }

    @Override
    public void forget(EngagementId engagement) {
        claims.values().removeIf(claim -> claim.engagement().equals(engagement));
    }
}
