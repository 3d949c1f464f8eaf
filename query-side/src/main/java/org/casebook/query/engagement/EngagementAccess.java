package org.casebook.query.engagement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;
import org.casebook.shared.actor.Actor;
import org.casebook.shared.actor.Role;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.ProgrammeCode;

/**
 * Which engagements a reader may see, and how much of them. Counselors and directors see the
 * engagements of their centers in full. Donors see the engagements of the programmes they fund, with
 * personal data only where the client consented to sharing it with funders. Nobody else sees any.
 */
public final class EngagementAccess {

    private EngagementAccess() {
    }

    public static Optional<EngagementView> visible(Actor reader, EngagementView view) {
        if (isCaseWorker(reader) && reader.worksFor(new CenterId(view.centerId()))) {
            return Optional.of(view);
        }
        if (reader.has(Role.DONOR) && view.programmes().stream().map(ProgrammeCode::new).anyMatch(reader::funds)) {
            return Optional.of(view.consents() != null && view.consents().shareWithFunders()
                    ? view : view.withoutPersonalData());
        }
        return Optional.empty();
    }

    /** The engagements the reader may see, as a MongoDB filter. */
    public static Bson filter(Actor reader) {
        List<Bson> scopes = new ArrayList<>();
        if (isCaseWorker(reader) && !reader.centers().isEmpty()) {
            scopes.add(Filters.in("centerId", reader.centers().stream().map(CenterId::value).toList()));
        }
        if (reader.has(Role.DONOR) && !reader.programmes().isEmpty()) {
            scopes.add(Filters.in("programmes", reader.programmes().stream().map(ProgrammeCode::value).toList()));
        }
        return switch (scopes.size()) {
            case 0 -> Filters.in("_id", List.of());
            case 1 -> scopes.get(0);
            default -> Filters.or(scopes);
        };
    }

    private static boolean isCaseWorker(Actor reader) {
        return reader.has(Role.COUNSELOR) || reader.has(Role.DIRECTOR);
    }
}
