package org.casebook.query.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.casebook.query.figures.EngagementFacts.Snapshot;
import org.casebook.query.figures.FiguresCalculator.Contribution;

/**
 * A scope's dashboard for a kept {@link Period}, as it stands now: the sum of its centers'
 * {@link PeriodFigures}, then, for each engagement that was ever transferred, its own part counted
 * once for the scope in place of its parts counted per center. A center whose figures are missing or
 * behind their center-months is counted from its center-months instead.
 */
public final class PeriodDashboard {

    /** Reads by id. */
    public interface Source {
        List<PeriodFigures> periodFigures(List<String> ids);

        /** The center-months' parts with these ids ({@link CenterMonth#partIdsOf}). */
        List<CenterMonth> centerMonths(List<String> ids);

        List<EngagementFacts> facts(List<String> ids);
    }

    private PeriodDashboard() {
    }

    /**
     * @param centers the scope's centers
     * @param counted whether the reader counts an engagement of these programmes
     */
    public static Dashboard of(String scope, Period period, LocalDate from, LocalDate to, Collection<String> centers,
                               Predicate<List<String>> counted, Rates rates, Source source) {
        List<String> ids = new ArrayList<>(centers.size());
        centers.forEach(center -> ids.add(period.idFor(center)));
        Map<String, PeriodFigures> kept = new HashMap<>();
        source.periodFigures(ids).forEach(figures -> kept.put(figures.centerId(), figures));
        List<PeriodFigures> used = new ArrayList<>(centers.size());
        List<String> recount = new ArrayList<>();
        for (String center : centers) {
            PeriodFigures figures = kept.get(center);
            if (figures != null && figures.isCurrent()) {
                used.add(figures);
            } else {
                period.months().forEach(month -> recount.add(CenterMonth.idOf(center, month)));
            }
        }
        if (!recount.isEmpty()) {
            CenterMonth.byCenter(source.centerMonths(CenterMonth.partIdsOf(recount))).forEach((center, months) -> used.add(PeriodFigures.count(center, period, months)));
        }
        Tallies sum = new Tallies();
        Set<String> moved = new TreeSet<>();
        for (PeriodFigures figures : used) {
            figures.addTo(sum, counted);
            moved.addAll(figures.moved());
        }
        if (centers.size() > 1 && !moved.isEmpty()) {
            countOnce(sum, source.facts(new ArrayList<>(moved)), Set.copyOf(centers)::contains, counted, period);
        }
        return sum.dashboard(scope, from, to, null, rates);
    }

    /**
     * Replaces the parts the scope's centers counted of each engagement with the engagement's part
     * counted once for the whole scope: served once, long-term by its hours across those centers.
     */
    static void countOnce(Tallies sum, Iterable<EngagementFacts> engagements, Predicate<String> inScope,
                          Predicate<List<String>> counted, Period period) {
        for (EngagementFacts engagement : engagements) {
            if (!counted.test(engagement.programmes())) {
                continue;
            }
            Snapshot now = engagement.asOf(null);
            sum.add(engagement, Contribution.of(now, inScope, period.from(), period.to()), 1);
            for (String center : engagement.centers()) {
                if (inScope.test(center)) {
                    sum.add(engagement, Contribution.of(now, center::equals, period.from(), period.to()), -1);
                }
            }
        }
    }
}
