package org.casebook.query.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;
import org.casebook.query.engagement.EngagementAccess;
import org.casebook.query.engagement.EngagementView;
import org.casebook.query.store.DocumentCollection;
import org.casebook.shared.actor.Actor;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.refusal.Refusal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Engagements as counselors read them: one in full, or a page of a caseload. */
@RestController
@RequestMapping(path = "/api/engagements", produces = "application/json")
public class EngagementQueryController {

    static final int MAX_PAGE_SIZE = 200;

    private final DocumentCollection<EngagementView> views;

    public EngagementQueryController(DocumentCollection<EngagementView> views) {
        this.views = views;
    }

    /** A line of a caseload list. */
    public record EngagementSummary(String id, String centerId, String counselorId, String status,
                                    String enterpriseName, java.time.LocalDate intakeDate,
                                    java.time.LocalDate lastContact, java.math.BigDecimal counselingHours) {

        static EngagementSummary of(EngagementView view) {
            return new EngagementSummary(view.id(), view.centerId(), view.counselorId(), view.status(),
                    view.enterprise().name(), view.intakeDate(), view.lastContact(),
                    view.totals().counselingHours());
        }
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    /** An engagement the reader may not see answers exactly as one that does not exist. */
    @GetMapping("/{id}")
    public EngagementView get(Actor actor, @PathVariable EngagementId id) {
        return views.find(id.value()).flatMap(view -> EngagementAccess.visible(actor, view))
                .orElseThrow(() -> Refusal.notFound("engagement-not-found", id));
    }

    @GetMapping
    public Page<EngagementSummary> list(Actor actor,
                                        @RequestParam(required = false) String centerId,
                                        @RequestParam(required = false) String counselorId,
                                        @RequestParam(required = false) String status,
                                        @RequestParam(required = false) String q,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw Refusal.rule("number-negative", "page");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw Refusal.rule("page-size-invalid", "size", MAX_PAGE_SIZE);
        }
        List<Bson> filters = new ArrayList<>();
        filters.add(EngagementAccess.filter(actor));
        if (centerId != null && !centerId.isBlank()) {
            filters.add(Filters.eq("centerId", centerId));
        }
        if (counselorId != null && !counselorId.isBlank()) {
            filters.add(Filters.eq("counselorId", counselorId));
        }
        if (status != null && !status.isBlank()) {
            filters.add(Filters.eq("status", status));
        }
        if (q != null && !q.isBlank()) {
            Pattern text = Pattern.compile(Pattern.quote(q.strip()), Pattern.CASE_INSENSITIVE);
            filters.add(Filters.or(Filters.regex("enterprise.name", text), Filters.regex("enterprise.taxId", text)));
        }
        Bson filter = Filters.and(filters);
        List<EngagementSummary> items = views
                .find(filter, Sorts.ascending("enterprise.name", "_id"), page * size, size)
                .stream().map(EngagementSummary::of).toList();
        return new Page<>(items, page, size, views.count(filter));
    }
}
