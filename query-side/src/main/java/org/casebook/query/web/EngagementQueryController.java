package org.casebook.query.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;
import org.casebook.query.access.ReaderPolicy;
import org.casebook.query.engagement.Caseload;
import org.casebook.query.engagement.CaseloadLine;
import org.casebook.query.engagement.EngagementView;
import org.casebook.query.engagement.TimelineView;
import org.casebook.query.engagement.Timelines;
import org.casebook.query.store.FiscalYears;
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

    public static final int MAX_PAGE_SIZE = 200;

    /** The orders a caseload can be listed in; ties by id, so pages never overlap. */
    static final Map<String, Bson> SORTS = Map.of(
            "enterpriseName", Sorts.ascending("enterprise.name", "_id"),
            "intakeDate", Sorts.orderBy(Sorts.descending("intakeDate"), Sorts.ascending("_id")),
            "status", Sorts.ascending("status", "enterprise.name", "_id"));

    /** The same orders, for caseload lines sorted in memory. */
    static final Map<String, Comparator<CaseloadLine>> LINE_ORDERS = Map.of(
            "enterpriseName", Comparator.comparing(CaseloadLine::enterpriseName).thenComparing(CaseloadLine::id),
            "intakeDate", Comparator.comparing(CaseloadLine::intakeDate).reversed().thenComparing(CaseloadLine::id),
            "status", Comparator.comparing(CaseloadLine::status).thenComparing(CaseloadLine::enterpriseName)
                    .thenComparing(CaseloadLine::id));

    /** Long-term clients reach this many counseling hours in a fiscal year. */
    static final BigDecimal LONG_TERM_HOURS = BigDecimal.valueOf(5);

    private final DocumentCollection<EngagementView> views;
    private final Timelines timelines;
    private final DocumentCollection<Caseload> caseloads;
    private final FiscalYears fiscalYears;
    private final Clock clock;

    public EngagementQueryController(DocumentCollection<EngagementView> views,
                                     Timelines timelines, DocumentCollection<Caseload> caseloads,
                                     FiscalYears fiscalYears, Clock clock) {
        this.views = views;
        this.caseloads = caseloads;
        this.timelines = timelines;
        this.fiscalYears = fiscalYears;
        this.clock = clock;
    }

    /**
     * A line of a caseload list: where the engagement stands, the hours of this fiscal year (of the
     * client's country) and whether they make a long-term client, and the results waiting on someone.
     */
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"id", "centerId", "counselorId", "status", "enterpriseName",
            "intakeDate", "lastContact", "counselingHours", "hoursThisFiscalYear", "longTerm",
            "resultsAwaitingAttestation", "resultsAwaitingVerification"})
    public record EngagementSummary(String id, String centerId, String counselorId, String status,
                                    String enterpriseName, LocalDate intakeDate, LocalDate lastContact,
                                    BigDecimal counselingHours, BigDecimal hoursThisFiscalYear, boolean longTerm,
                                    long resultsAwaitingAttestation, long resultsAwaitingVerification) {

        static EngagementSummary of(CaseloadLine line, LocalDate fiscalYearStart) {
            BigDecimal fiscalHours = hours(line.minutesSince(fiscalYearStart));
            return new EngagementSummary(line.id(), line.centerId(), line.counselorId(), line.status(),
                    line.enterpriseName(), line.intakeDate(), line.lastContact(), hours(line.minutes()), fiscalHours,
                    fiscalHours.compareTo(LONG_TERM_HOURS) >= 0, line.awaitingAttestation(),
                    line.awaitingVerification());
        }

        private static BigDecimal hours(int minutes) {
            return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_EVEN);
        }
    }

    /** One line of a timeline, in the reader's language; {@code importedFrom}: the legacy system it came from. */
    public record TimelineEntry(long sequence, Instant recordedAt, String type, String userId, String role,
                                String centerId, String summary,
                                @com.fasterxml.jackson.annotation.JsonInclude(
                                        com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String importedFrom) {
    }

    public record Timeline(String engagementId, List<TimelineEntry> entries) {
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    /** An engagement the reader may not see answers exactly as one that does not exist. */
    @GetMapping("/{id}")
    public EngagementView get(Actor actor, @PathVariable EngagementId id) {
        return views.find(id.value()).flatMap(ReaderPolicy.of(actor)::visible)
                .orElseThrow(() -> Refusal.notFound("engagement-not-found", id));
    }

    @GetMapping("/{id}/timeline")
    public Timeline timeline(Actor actor, @PathVariable EngagementId id, Locale locale) {
        get(actor, id);
        Locale language = locale == null ? Locale.ENGLISH : locale;
        List<TimelineEntry> entries = timelines.of(id).map(TimelineView::entries).orElse(List.of()).stream()
                .map(entry -> new TimelineEntry(entry.sequence(), entry.recordedAt(), entry.type(), entry.userId(),
                        entry.role(), entry.centerId(), entry.summaryIn(language), entry.importedFrom()))
                .toList();
        return new Timeline(id.value(), entries);
    }

    /** The same caseload as a spreadsheet (the page asked for). */
    @GetMapping(produces = Csv.MEDIA_TYPE)
    public org.springframework.http.ResponseEntity<String> listCsv(Actor actor,
                                        @RequestParam(required = false) String centerId,
                                        @RequestParam(required = false) String counselorId,
                                        @RequestParam(required = false) String status,
                                        @RequestParam(required = false) String q,
                                        @RequestParam(defaultValue = "enterpriseName") String sort,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "20") int size) {
        return Csv.of(list(actor, centerId, counselorId, status, q, sort, page, size).items(), EngagementSummary.class,
                "engagements.csv");
    }

    @GetMapping
    public Page<EngagementSummary> list(Actor actor,
                                        @RequestParam(required = false) String centerId,
                                        @RequestParam(required = false) String counselorId,
                                        @RequestParam(required = false) String status,
                                        @RequestParam(required = false) String q,
                                        @RequestParam(defaultValue = "enterpriseName") String sort,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "20") int size) {
        Bson order = SORTS.get(sort);
        if (order == null) {
            throw Refusal.invalid("field-invalid", "sort", String.join(", ", SORTS.keySet()));
        }
        if (page < 0) {
            throw Refusal.rule("number-negative", "page");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw Refusal.rule("page-size-invalid", "size", MAX_PAGE_SIZE);
        }
        LocalDate today = LocalDate.now(clock);
        ReaderPolicy reader = ReaderPolicy.of(actor);
        if (!reader.followsProgrammes()) {
            // Counselors and directors: their centers' caseloads, read by id.
            List<CaseloadLine> lines = new ArrayList<>();
            boolean openOnly = EngagementView.OPEN.equals(status);
            for (String center : reader.caseworkCenters()) {
                if (centerId == null || centerId.isBlank() || centerId.equals(center)) {
                    List<String> parts = new ArrayList<>(List.of(Caseload.activePart(center)));
                    if (!openOnly) {
                        // Closed engagements, one part per year of intake.
                        caseloads.find(center).ifPresent(index -> index.closedYears().keySet()
                                .forEach(year -> parts.add(Caseload.closedPart(center, year))));
                    }
                    caseloads.findAll(Caseload.documentsOf(parts)).forEach(part -> lines.addAll(part.lines().values()));
                }
            }
            String text = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
            List<CaseloadLine> found = lines.stream()
                    .filter(line -> counselorId == null || counselorId.isBlank() || counselorId.equals(line.counselorId()))
                    .filter(line -> status == null || status.isBlank() || status.equals(line.status()))
                    .filter(line -> text == null || contains(line.enterpriseName(), text) || contains(line.taxId(), text)
                            || contains(line.ownerName(), text))
                    .sorted(LINE_ORDERS.get(sort)).toList();
            List<EngagementSummary> items = found.stream().skip((long) page * size).limit(size)
                    .map(line -> EngagementSummary.of(line, fiscalYears.startOf(line.country(), today))).toList();
            return new Page<>(items, page, size, found.size());
        }
        // Donors: the engagements of their programmes, wherever they are (and of their centers, if they work in one).
        List<Bson> filters = new ArrayList<>();
        filters.add(reader.engagements());
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
            // A tax id and an owner's name are personal data: found only where the reader sees them.
            filters.add(Filters.or(Filters.regex("enterprise.name", text), Filters.and(reader.personalDataShown(),
                    Filters.or(Filters.regex("enterprise.taxId", text), Filters.regex("owner.name", text)))));
        }
        Bson filter = Filters.and(filters);
        List<EngagementSummary> items = views.find(filter, order, page * size, size).stream()
                .map(view -> EngagementSummary.of(CaseloadLine.of(view),
                        fiscalYears.startOf(view.enterprise().country(), today)))
                .toList();
        return new Page<>(items, page, size, views.count(filter));
    }

    private static boolean contains(String value, String lowerCaseText) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(lowerCaseText);
    }
}
