package org.casebook.query.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;
import org.casebook.query.engagement.EngagementAccess;
import org.casebook.query.engagement.EngagementView;
import org.casebook.query.store.DocumentCollection;
import org.casebook.shared.actor.Actor;
import org.casebook.shared.value.ResultDetails;
import org.casebook.shared.value.ResultStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The results of the reader's centers that clients have attested and a director has yet to verify, oldest first. */
@RestController
public class VerificationQueueController {

    static final int MAX_ITEMS = 500;

    private final DocumentCollection<EngagementView> views;

    public VerificationQueueController(DocumentCollection<EngagementView> views) {
        this.views = views;
    }

    public record QueueItem(String engagementId, String centerId, String counselorId, String enterpriseName,
                            String resultId, ResultDetails details, EngagementView.Attestation attestation) {
    }

    @GetMapping(path = "/api/verification-queue", produces = "application/json")
    public List<QueueItem> queue(Actor actor, @RequestParam(required = false) String centerId) {
        List<Bson> filters = new ArrayList<>(List.of(EngagementAccess.filter(actor),
                Filters.eq("results.status", ResultStatus.ATTESTED.name())));
        if (centerId != null && !centerId.isBlank()) {
            filters.add(Filters.eq("centerId", centerId));
        }
        List<QueueItem> items = new ArrayList<>();
        for (EngagementView view : views.find(Filters.and(filters), Sorts.ascending("_id"), 0, MAX_ITEMS)) {
            for (EngagementView.Result result : view.results()) {
                if (result.status() == ResultStatus.ATTESTED) {
                    items.add(new QueueItem(view.id(), view.centerId(), view.counselorId(), view.enterprise().name(),
                            result.resultId(), result.details(), result.attestation()));
                }
            }
        }
        items.sort(Comparator.comparing((QueueItem item) -> item.attestation().date())
                .thenComparing(QueueItem::resultId));
        return items;
    }
}
