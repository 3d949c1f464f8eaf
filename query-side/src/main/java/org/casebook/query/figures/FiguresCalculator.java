package org.casebook.query.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.casebook.query.figures.Dashboard.RateKey;
import org.casebook.query.figures.Dashboard.RateUsed;
import org.casebook.query.figures.EngagementFacts.ResultVersion;
import org.casebook.query.figures.EngagementFacts.SessionVersion;
import org.casebook.query.figures.EngagementFacts.Snapshot;
import org.casebook.query.figures.Figures.Both;
import org.casebook.shared.value.Money;
import org.casebook.shared.value.ResultDetails;
import org.casebook.shared.value.ResultStatus;

/**
 * Counts the figures of a scope from engagements' facts. Plain code: no database, no framework.
 * A figure is credited to the center that held the engagement on its business date.
 */
public final class FiguresCalculator {

    static final int LONG_TERM_MINUTES = 5 * 60;

    private FiguresCalculator() {
    }

    /**
     * @param inScope whether a center belongs to the scope
     * @param asOf    count only what was recorded at or before this time; {@code null}: everything
     */
    public static Dashboard dashboard(String scope, Iterable<EngagementFacts> engagements, Predicate<String> inScope,
                                      LocalDate from, LocalDate to, Instant asOf, Rates rates) {
        Tallies tallies = new Tallies();
        for (EngagementFacts engagement : engagements) {
            Snapshot facts = engagement.asOf(asOf);
            if (facts != null) {
                tallies.add(engagement, Contribution.of(facts, inScope, from, to), 1);
            }
        }
        return tallies.dashboard(scope, from, to, asOf, rates);
    }

    /** What one engagement adds to the figures of a scope and range. */
    record Contribution(boolean served, boolean newClient, int counselingMinutes, int travelMinutes,
                        List<ResultVersion> results) {

        static Contribution of(Snapshot facts, Predicate<String> inScope, LocalDate from, LocalDate to) {
            EngagementFacts engagement = facts.engagement();
            boolean newClient = within(engagement.intakeDate(), from, to)
                    && inScope.test(facts.centerOn(engagement.intakeDate()));
            int minutes = 0;
            int travel = 0;
            boolean served = false;
            for (SessionVersion session : facts.sessions()) {
                if (!session.voided() && within(session.date(), from, to) && inScope.test(facts.centerOn(session.date()))) {
                    served = true;
                    minutes += session.counselingMinutes();
                    travel += session.travelMinutes();
                }
            }
            List<ResultVersion> results = new ArrayList<>();
            for (ResultVersion result : facts.results()) {
                LocalDate date = result.details().date();
                if (result.status().isClaimed() && within(date, from, to) && inScope.test(facts.centerOn(date))) {
                    results.add(result);
                }
            }
            return new Contribution(served, newClient, minutes, travel, results);
        }

        boolean isEmpty() {
            return !served && !newClient && results.isEmpty() && counselingMinutes == 0 && travelMinutes == 0;
        }
    }

    private static boolean within(LocalDate date, LocalDate from, LocalDate to) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /** Converts to US$ at the rate of each amount's month, remembering which rates it used and missed. */
    static final class Conversion {
        private final Rates rates;
        private final Set<RateKey> missing = new TreeSet<>((a, b) -> (a.currency() + a.month()).compareTo(b.currency() + b.month()));
        private final Map<RateKey, BigDecimal> used = new TreeMap<>((a, b) -> (a.currency() + a.month()).compareTo(b.currency() + b.month()));

        Conversion(Rates rates) {
            this.rates = rates;
        }

        BigDecimal usd(Map<Tally.CurrencyMonth, BigDecimal> sums) {
            BigDecimal total = BigDecimal.ZERO;
            for (Map.Entry<Tally.CurrencyMonth, BigDecimal> sum : sums.entrySet()) {
                String currency = sum.getKey().currency();
                if ("USD".equals(currency)) {
                    total = total.add(sum.getValue());
                    continue;
                }
                RateKey key = new RateKey(currency, sum.getKey().month().toString());
                Optional<BigDecimal> rate = rates.usdPerUnit(currency, sum.getKey().month());
                if (rate.isPresent()) {
                    used.put(key, rate.get());
                    total = total.add(sum.getValue().multiply(rate.get()));
                } else {
                    missing.add(key);
                }
            }
            return total.setScale(2, RoundingMode.HALF_EVEN);
        }

        List<RateKey> missing() {
            return List.copyOf(missing);
        }

        List<RateUsed> used() {
            List<RateUsed> list = new ArrayList<>();
            used.forEach((key, rate) -> list.add(new RateUsed(key.currency(), key.month(), rate)));
            return list;
        }
    }

}
