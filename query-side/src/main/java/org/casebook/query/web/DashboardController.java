package org.casebook.query.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.mongodb.client.model.Filters;
import org.casebook.query.access.ReaderPolicy;
import org.casebook.query.figures.CenterMonth;
import org.casebook.query.figures.CenterMonthRoster;
import org.casebook.query.figures.Corrections;
import org.casebook.query.figures.Dashboard;
import org.casebook.query.figures.Figures;
import org.casebook.query.figures.EngagementFacts;
import org.casebook.query.figures.FiguresCalculator;
import org.casebook.query.figures.Period;
import org.casebook.query.figures.PeriodDashboard;
import org.casebook.query.figures.PeriodFigures;
import org.casebook.query.figures.Rates;
import org.casebook.query.reference.CenterView;
import org.casebook.query.reference.ExchangeRateView;
import org.casebook.query.store.DocumentCollection;
import org.casebook.query.store.FiscalYears;
import org.casebook.shared.actor.Actor;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.refusal.Refusal;
import org.casebook.shared.refusal.RefusalKind;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboards of a center, a country and the network, over any date range and as of any recording
 * time. Figures as they stand now for a month, a quarter or a year are summed from the scope's centers'
 * {@link PeriodFigures} (one key lookup per center); for other ranges they are counted from the scope's
 * center-months (key lookups); figures as
 * of an earlier time from every version of the facts of the engagements in the scope's center-month
 * rosters (key lookups too, of more and larger documents). Who reads which scope, counting which
 * engagements, is the {@link ReaderPolicy}'s to say.
 */
@RestController
@RequestMapping(path = "/api/dashboards", produces = "application/json")
public class DashboardController {

    private final DocumentCollection<EngagementFacts> facts;
    private final DocumentCollection<CenterMonth> centerMonths;
    private final DocumentCollection<CenterMonthRoster> rosters;
    private final DocumentCollection<CenterView> centers;
    private final DocumentCollection<ExchangeRateView> rates;
    private final FiscalYears fiscalYears;
    private final Clock clock;
    private final PeriodDashboard.Source source;

    public DashboardController(DocumentCollection<EngagementFacts> facts, DocumentCollection<CenterMonth> centerMonths,
                               DocumentCollection<CenterMonthRoster> rosters, DocumentCollection<PeriodFigures> periodFigures,
                               DocumentCollection<CenterView> centers, DocumentCollection<ExchangeRateView> rates,
                               FiscalYears fiscalYears, Clock clock) {
        this.facts = facts;
        this.centerMonths = centerMonths;
        this.rosters = rosters;
        this.centers = centers;
        this.rates = rates;
        this.fiscalYears = fiscalYears;
        this.clock = clock;
        this.source = new PeriodDashboard.Source() {
            @Override
            public List<PeriodFigures> periodFigures(List<String> ids) {
                return periodFigures.findAll(ids);
            }

            @Override
            public List<CenterMonth> centerMonths(List<String> ids) {
                return centerMonths.findAll(ids);
            }

            @Override
            public List<EngagementFacts> facts(List<String> ids) {
                return facts.findAll(ids);
            }
        };
    }

    @GetMapping("/centers/{centerId}")
    public Dashboard center(Actor actor, @PathVariable CenterId centerId, @RequestParam(required = false) String from,
                            @RequestParam(required = false) String to, @RequestParam(required = false) String asOf) {
        Predicate<List<String>> counted = countedIn(actor, centerId);
        return dashboard(counted, "center:" + centerId.value(), Set.of(centerId.value()), from, to, asOf);
    }

    /** Which engagements the reader's dashboard of the center counts; refused if they may not read it. */
    private Predicate<List<String>> countedIn(Actor actor, CenterId centerId) {
        Predicate<List<String>> counted = ReaderPolicy.of(actor).centerDashboard(centerId)
                .orElseThrow(() -> new Refusal(RefusalKind.FORBIDDEN, "center-not-yours", "centerId", centerId));
        if (centers.find(centerId.value()).isEmpty()) {
            throw Refusal.notFound("center-unknown", centerId);
        }
        return counted;
    }

    /** Which engagements the reader's dashboards of a country or the network count; refused if none. */
    private static Predicate<List<String>> countedInAggregates(Actor actor) {
        return ReaderPolicy.of(actor).aggregateDashboard()
                .orElseThrow(() -> new Refusal(RefusalKind.FORBIDDEN, "role-not-allowed", null));
    }

    /**
     * A scope's figures for a period as submitted at a time beside the same figures as corrected since:
     * the differences, and the sessions and results recorded after the submission behind them.
     */
    @GetMapping("/centers/{centerId}/corrections")
    public Corrections centerCorrections(Actor actor, @PathVariable CenterId centerId, @RequestParam String from,
                                         @RequestParam String to, @RequestParam String submittedAt) {
        return corrections(countedIn(actor, centerId), center(actor, centerId, from, to, null),
                center(actor, centerId, from, to, submittedAt), Set.of(centerId.value()));
    }

    @GetMapping("/countries/{countryCode}/corrections")
    public Corrections countryCorrections(Actor actor, @PathVariable String countryCode, @RequestParam String from,
                                          @RequestParam String to, @RequestParam String submittedAt) {
        return corrections(countedInAggregates(actor), country(actor, countryCode, from, to, null),
                country(actor, countryCode, from, to, submittedAt), centersOf(countryCode));
    }

    @GetMapping("/network/corrections")
    public Corrections networkCorrections(Actor actor, @RequestParam String from, @RequestParam String to,
                                          @RequestParam String submittedAt) {
        return corrections(countedInAggregates(actor), network(actor, from, to, null),
                network(actor, from, to, submittedAt), null);
    }

    /** @param scopeCenters the scope's centers; {@code null}: every center */
    private Corrections corrections(Predicate<List<String>> counted, Dashboard asCorrected, Dashboard asSubmitted,
                                    Set<String> scopeCenters) {
        Predicate<String> inScope = scopeCenters == null ? center -> true : scopeCenters::contains;
        return Corrections.of(asSubmitted.asOf(), asSubmitted, asCorrected,
                rosteredFacts(counted, scopeCenters, asCorrected.from(), asCorrected.to()), inScope,
                asCorrected.from(), asCorrected.to());
    }

    /** One figure of a dashboard, or of one group of its breakdowns, as a spreadsheet row. */
    @JsonPropertyOrder({"scope", "from", "to", "asOf", "breakdown", "group", "figure", "claimed", "verified"})
    public record FigureRow(String scope, LocalDate from, LocalDate to, Instant asOf, String breakdown, String group,
                            String figure, String claimed, String verified) {
    }

    @GetMapping(path = "/centers/{centerId}", produces = "text/csv")
    public ResponseEntity<String> centerCsv(Actor actor, @PathVariable CenterId centerId,
                                            @RequestParam(required = false) String from,
                                            @RequestParam(required = false) String to,
                                            @RequestParam(required = false) String asOf) {
        return csv(center(actor, centerId, from, to, asOf));
    }

    @GetMapping(path = "/countries/{countryCode}", produces = "text/csv")
    public ResponseEntity<String> countryCsv(Actor actor, @PathVariable String countryCode,
                                             @RequestParam(required = false) String from,
                                             @RequestParam(required = false) String to,
                                             @RequestParam(required = false) String asOf) {
        return csv(country(actor, countryCode, from, to, asOf));
    }

    @GetMapping(path = "/network", produces = "text/csv")
    public ResponseEntity<String> networkCsv(Actor actor, @RequestParam(required = false) String from,
                                             @RequestParam(required = false) String to,
                                             @RequestParam(required = false) String asOf) {
        return csv(network(actor, from, to, asOf));
    }

    private static ResponseEntity<String> csv(Dashboard dashboard) {
        List<FigureRow> rows = new ArrayList<>();
        rows(rows, dashboard, "", "", dashboard.figures());
        dashboard.breakdowns().forEach((breakdown, groups) ->
                groups.forEach((group, figures) -> rows(rows, dashboard, breakdown, group, figures)));
        return Csv.of(rows, FigureRow.class, dashboard.scope().replace(':', '-') + "-" + dashboard.from() + "-"
                + dashboard.to() + ".csv");
    }

    private static void rows(List<FigureRow> rows, Dashboard d, String breakdown, String group, Figures f) {
        java.util.function.BiConsumer<String, Object[]> add = (figure, values) -> rows.add(new FigureRow(d.scope(),
                d.from(), d.to(), d.asOf(), breakdown, group, figure, String.valueOf(values[0]),
                values.length > 1 ? String.valueOf(values[1]) : ""));
        add.accept("clientsServed", new Object[] {f.clientsServed()});
        add.accept("newClients", new Object[] {f.newClients()});
        add.accept("counselingHours", new Object[] {f.counselingHours().toPlainString()});
        add.accept("travelHours", new Object[] {f.travelHours().toPlainString()});
        add.accept("longTermClients", new Object[] {f.longTermClients()});
        add.accept("capitalObtainedUsd", new Object[] {f.capitalObtainedUsd().claimed(), f.capitalObtainedUsd().verified()});
        add.accept("jobsCreated", new Object[] {f.jobsCreated().claimed().toPlainString(),
                f.jobsCreated().verified().toPlainString()});
        add.accept("jobsRetained", new Object[] {f.jobsRetained().claimed().toPlainString(),
                f.jobsRetained().verified().toPlainString()});
        add.accept("salesIncreaseUsd", new Object[] {f.salesIncreaseUsd().claimed(), f.salesIncreaseUsd().verified()});
        add.accept("businessStarts", new Object[] {f.businessStarts().claimed(), f.businessStarts().verified()});
        add.accept("formalizations", new Object[] {f.formalizations().claimed(), f.formalizations().verified()});
        f.capitalObtainedByCurrency().forEach((currency, both) ->
                add.accept("capitalObtained" + currency, new Object[] {both.claimed(), both.verified()}));
    }

    @GetMapping("/countries/{countryCode}")
    public Dashboard country(Actor actor, @PathVariable String countryCode, @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to, @RequestParam(required = false) String asOf) {
        return dashboard(countedInAggregates(actor), "country:" + countryCode, centersOf(countryCode), from, to, asOf);
    }

    private Set<String> centersOf(String countryCode) {
        Set<String> ofCountry = new java.util.HashSet<>();
        centers.each(Filters.eq("country", countryCode)).forEach(center -> ofCountry.add(center.id()));
        return ofCountry;
    }

    @GetMapping("/network")
    public Dashboard network(Actor actor, @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to, @RequestParam(required = false) String asOf) {
        return dashboard(countedInAggregates(actor), "network", null, from, to, asOf);
    }

    /**
     * @param counted      which engagements the reader counts, by their programmes ({@link ReaderPolicy})
     * @param scopeCenters the centers of the scope; {@code null}: every center
     */
    private Dashboard dashboard(Predicate<List<String>> counted, String scope, Set<String> scopeCenters, String fromText, String toText,
                                String asOfText) {
        LocalDate today = LocalDate.now(clock);
        LocalDate from = fromText == null ? today.withDayOfYear(1) : date(fromText, "from");
        LocalDate to = toText == null ? today : date(toText, "to");
        if (to.isBefore(from)) {
            throw Refusal.rule("period-ends-before-start", "to", from, to);
        }
        Instant asOf = asOfText == null ? null : instant(asOfText);
        if (asOf == null) {
            Optional<Period> kept = Period.sameAs(from, to, today, fiscalYears.yearStarts());
            if (kept.isPresent()) {
                // The hot path: one document per center of the scope, read by id.
                return PeriodDashboard.of(scope, kept.get(), from, to, scopeCenters != null ? scopeCenters
                        : allCenters(), counted, rates(null), source);
            }
            // Any other range: the scope's center-months, read by id.
            List<CenterMonth> months = centerMonths.findAll(CenterMonth.partIdsOf(centerMonthIds(scopeCenters, from, to)));
            List<EngagementFacts> merged = CenterMonth.merge(months, entry -> counted.test(entry.programmes()));
            return FiguresCalculator.dashboard(scope, merged, center -> true, from, to, null, rates(null));
        }
        // As of an earlier time: every version of the facts of the engagements the rosters name.
        Predicate<String> inScope = scopeCenters == null ? center -> true : scopeCenters::contains;
        return FiguresCalculator.dashboard(scope, rosteredFacts(counted, scopeCenters, from, to), inScope, from, to,
                asOf, rates(asOf));
    }

    private List<String> allCenters() {
        List<String> all = new ArrayList<>();
        centers.each(Filters.empty()).forEach(center -> all.add(center.id()));
        return all;
    }

    /** The ids of the scope's center-months in the range, center by center. */
    private List<String> centerMonthIds(Set<String> scopeCenters, LocalDate from, LocalDate to) {
        Iterable<String> scope = scopeCenters != null ? scopeCenters : allCenters();
        List<String> ids = new ArrayList<>();
        for (String center : scope) {
            for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
                ids.add(CenterMonth.idOf(center, month));
            }
        }
        return ids;
    }

    /**
     * The facts, every version, of each engagement that ever had anything counted in one of the scope's
     * center-months of the range that the reader counts: all that any recording time can count there.
     * Read by id, from the rosters.
     */
    private List<EngagementFacts> rosteredFacts(Predicate<List<String>> counted, Set<String> scopeCenters,
                                                LocalDate from, LocalDate to) {
        Set<String> engagements = new java.util.LinkedHashSet<>();
        rosters.findAll(centerMonthIds(scopeCenters, from, to))
                .forEach(roster -> engagements.addAll(roster.engagements().keySet()));
        return facts.findAll(new ArrayList<>(engagements)).stream()
                .filter(engagement -> counted.test(engagement.programmes())).toList();
    }

    private Rates rates(Instant asOf) {
        Map<String, BigDecimal> known = new HashMap<>();
        rates.each(Filters.empty()).forEach(rate -> rate.rateAt(asOf)
                .ifPresent(value -> known.put(rate.id(), value)));
        return (currency, month) -> Optional.ofNullable(known.get(ExchangeRateView.idOf(currency, month.toString())));
    }

    private static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("field-invalid", field, "a date YYYY-MM-DD");
        }
    }

    /** A recording time: an ISO-8601 instant, or a date meaning the end of that day (UTC). */
    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            return date(text, "asOf").plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
        }
    }
}
