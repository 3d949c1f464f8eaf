package org.casebook.query.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.casebook.query.figures.FiguresCalculator.Contribution;

/**
 * One center's figures over one kept {@link Period}, counted from the center's center-months and
 * kept up to date by the figures projection, so that a country's or the network's dashboard for such
 * a period sums one small document per center instead of reading every engagement's part of every
 * center-month. The figures are split by the programmes an engagement belongs to, so that a donor's
 * dashboard sums only the parts of the programmes they fund.
 * <p>
 * Clients served and long-term clients count each engagement once per scope, so sums of centers
 * count an engagement served by two centers of the scope in the period twice: {@code moved} names the
 * engagements that were ever transferred, whose part a scope's dashboard counts again from their facts.
 * <p>
 * {@code dirty} counts the changes made to the center-months of the period; {@code computedFrom} is the
 * count the figures were computed after. Figures whose count is behind are not used (the dashboard
 * counts that center from its center-months), so figures whose batch failed part-way, or that were
 * written last by a segment that counted before another's change, never show.
 */
public record PeriodFigures(String id, String centerId, LocalDate from, LocalDate to, List<Part> parts,
                            List<String> moved, long dirty, long computedFrom) {

    public PeriodFigures {
        parts = parts == null ? List.of() : parts;
        moved = moved == null ? List.of() : moved;
    }

    /** A period whose figures are to be counted once the processor has replayed past events. */
    public record Pending(String id, String centerId, LocalDate from, LocalDate to) {
    }

    /** The figures of the engagements that belong to exactly these programmes. */
    public record Part(List<String> programmes, Tallies.Stored tallies) {
    }

    private static final java.util.Comparator<List<String>> BY_PROGRAMMES =
            java.util.Comparator.comparing(programmes -> String.join("\u0000", programmes));

    /** Whether the figures reflect every change made to the period's center-months. */
    public boolean isCurrent() {
        return computedFrom == dirty;
    }

    /** A center's figures over the period, from its center-months (any others among them are ignored). */
    static PeriodFigures count(String center, Period period, Collection<CenterMonth> months) {
        List<CenterMonth> within = new ArrayList<>();
        Set<String> moved = new TreeSet<>();
        Set<String> periodMonths = new java.util.HashSet<>();
        period.months().forEach(month -> periodMonths.add(month.toString()));
        for (CenterMonth month : months) {
            if (month.centerId().equals(center) && periodMonths.contains(month.month())) {
                within.add(month);
                month.engagements().forEach((engagement, entry) -> {
                    if (entry.moved()) {
                        moved.add(engagement);
                    }
                });
            }
        }
        Map<List<String>, Tallies> byProgrammes = new TreeMap<>(BY_PROGRAMMES);
        for (EngagementFacts engagement : CenterMonth.merge(within, entry -> true)) {
            Contribution contribution = Contribution.of(engagement.asOf(null), any -> true, period.from(), period.to());
            if (!contribution.isEmpty()) {
                byProgrammes.computeIfAbsent(engagement.programmes(), key -> new Tallies()).add(engagement, contribution, 1);
            }
        }
        List<Part> parts = new ArrayList<>();
        byProgrammes.forEach((programmes, tallies) -> parts.add(new Part(programmes, tallies.stored())));
        return new PeriodFigures(period.idFor(center), center, period.from(), period.to(), parts, List.copyOf(moved), 0, 0);
    }

    /** Adds the parts the reader counts (by their programmes) to the sum. */
    void addTo(Tallies sum, Predicate<List<String>> counted) {
        for (Part part : parts) {
            if (counted.test(part.programmes())) {
                sum.add(Tallies.of(part.tallies()));
            }
        }
    }
}
