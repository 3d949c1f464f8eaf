package org.casebook.query.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.casebook.query.figures.FiguresCalculator.Contribution;
import org.casebook.query.figures.FiguresCalculator.Conversion;

/**
 * The tallies of a scope: the whole, and one per group of each breakdown (owner gender, sector and
 * stage at intake, and the legacy system of imported engagements). They add up like their {@link Tally}s, so a scope's tallies can be summed from
 * parts kept in advance.
 */
final class Tallies {

    /**
     * The breakdown of what came from imports, by legacy system: a donor tells figures recorded and
     * verified in Casebook (the whole less these groups) from those brought from a system before it.
     */
    static final String IMPORTED_FROM = "importedFrom";
    static final List<String> DIMENSIONS = List.of("gender", "sector", "stage", IMPORTED_FROM);

    private final Tally all = new Tally();
    /** by dimension, then group */
    private final Map<String, Map<String, Tally>> groups = new LinkedHashMap<>();

    /** Adds ({@code sign} 1) or takes away ({@code sign} -1) what one engagement contributes. */
    void add(EngagementFacts engagement, Contribution contribution, int sign) {
        if (contribution.isEmpty()) {
            return;
        }
        all.add(contribution, sign);
        group("gender", engagement.gender()).add(contribution, sign);
        group("sector", engagement.sector()).add(contribution, sign);
        group("stage", engagement.stage()).add(contribution, sign);
        if (engagement.importedFrom() != null) {
            // Only imported engagements are grouped: the figures without imports keep their shape.
            group(IMPORTED_FROM, engagement.importedFrom()).add(contribution, sign);
        }
    }

    private Tally group(String dimension, Object value) {
        return groups.computeIfAbsent(dimension, key -> new TreeMap<>())
                .computeIfAbsent(value == null ? "UNKNOWN" : value.toString(), key -> new Tally());
    }

    void add(Tallies other) {
        all.add(other.all);
        other.groups.forEach((dimension, tallies) ->
                tallies.forEach((value, tally) -> group(dimension, value).add(tally)));
    }

    Dashboard dashboard(String scope, LocalDate from, LocalDate to, Instant asOf, Rates rates) {
        Conversion conversion = new Conversion(rates);
        Figures figures = all.figures(conversion);
        Map<String, Map<String, Figures>> breakdowns = new LinkedHashMap<>();
        for (String dimension : DIMENSIONS) {
            Map<String, Tally> tallies = groups.get(dimension);
            if (tallies != null) {
                Map<String, Figures> byValue = new TreeMap<>();
                tallies.forEach((value, tally) -> byValue.put(value, tally.figures(conversion)));
                breakdowns.put(dimension, byValue);
            }
        }
        return new Dashboard(scope, from, to, asOf, figures, conversion.missing(), conversion.used(), breakdowns);
    }

    /** Tallies as a read-model document keeps them. */
    record Stored(Tally.Stored all, List<Group> groups) {
    }

    record Group(String dimension, String value, Tally.Stored tally) {
    }

    Stored stored() {
        List<Group> stored = new ArrayList<>();
        groups.forEach((dimension, tallies) ->
                tallies.forEach((value, tally) -> stored.add(new Group(dimension, value, tally.stored()))));
        return new Stored(all.stored(), stored);
    }

    static Tallies of(Stored stored) {
        Tallies tallies = new Tallies();
        tallies.all.add(Tally.of(stored.all()));
        for (Group group : stored.groups()) {
            tallies.group(group.dimension(), group.value()).add(Tally.of(group.tally()));
        }
        return tallies;
    }
}
