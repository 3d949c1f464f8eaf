package org.casebook.query.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.casebook.query.access.ReaderPolicy;
import org.casebook.query.engagement.Caseload;
import org.casebook.query.engagement.CaseloadLine;
import org.casebook.query.engagement.EngagementView;
import org.casebook.query.store.DocumentCollection;
import org.casebook.shared.actor.Actor;
import org.casebook.shared.value.ResultDetails;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The results of the reader's centers that clients have attested and a director has yet to verify,
 * oldest first. Read from the centers' caseloads, one key lookup per center.
 */
@RestController
public class VerificationQueueController {

    private final DocumentCollection<Caseload> caseloads;

    public VerificationQueueController(DocumentCollection<Caseload> caseloads) {
        this.caseloads = caseloads;
    }

    public record QueueItem(String engagementId, String centerId, String counselorId, String enterpriseName,
                            String resultId, ResultDetails details, EngagementView.Attestation attestation) {
    }

    @GetMapping(path = "/api/verification-queue", produces = "application/json")
    public List<QueueItem> queue(Actor actor, @RequestParam(required = false) String centerId) {
        List<QueueItem> items = new ArrayList<>();
        for (String center : ReaderPolicy.of(actor).caseworkCenters()) {
            if (centerId != null && !centerId.isBlank() && !centerId.equals(center)) {
                continue;
            }
            for (CaseloadLine line : caseloads.findAll(Caseload.documentsOf(List.of(Caseload.activePart(center)))).stream()
                    .flatMap(part -> part.lines().values().stream()).toList()) {
                for (CaseloadLine.Attested result : line.attested()) {
                    items.add(new QueueItem(line.id(), line.centerId(), line.counselorId(), line.enterpriseName(),
                            result.resultId(), result.details(), result.attestation()));
                }
            }
        }
        items.sort(Comparator.comparing((QueueItem item) -> item.attestation().date()).thenComparing(QueueItem::resultId));
        return items;
    }
}
