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
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private FiguresCalculator() {
    }

    /**
     * @param inScope whether a center belongs to the scope
     * @param asOf    count only what was recorded at or before this time; {@code null}: everything
     */
    public static Dashboard dashboard(String scope, Iterable<EngagementFacts> engagements, Predicate<String> inScope,
                                      LocalDate from, LocalDate to, Instant asOf, Rates rates) {
        Tally all = new Tally();
        Map<String, Map<String, Tally>> groups = new LinkedHashMap<>();
        for (EngagementFacts engagement : engagements) {
            Snapshot facts = engagement.asOf(asOf);
            if (facts == null) {
                continue;
            }
            Contribution contribution = Contribution.of(facts, inScope, from, to);
            if (contribution.isEmpty()) {
                continue;
            }
            all.add(contribution);
            group(groups, "gender", engagement.gender()).add(contribution);
            group(groups, "sector", engagement.sector()).add(contribution);
            group(groups, "stage", engagement.stage()).add(contribution);
        }
        Conversion conversion = new Conversion(rates);
        Figures figures = all.figures(conversion);
        Map<String, Map<String, Figures>> breakdowns = new LinkedHashMap<>();
        groups.forEach((dimension, tallies) -> {
            Map<String, Figures> byValue = new TreeMap<>();
            tallies.forEach((value, tally) -> byValue.put(value, tally.figures(conversion)));
            breakdowns.put(dimension, byValue);
        });
        return new Dashboard(scope, from, to, asOf, figures, conversion.missing(), conversion.used(), breakdowns);
    }

    private static Tally group(Map<String, Map<String, Tally>> groups, String dimension, Object value) {
        return groups.computeIfAbsent(dimension, key -> new TreeMap<>())
                .computeIfAbsent(value == null ? "UNKNOWN" : value.toString(), key -> new Tally());
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

    /** Amounts by currency and month, as they must be converted. */
    private record CurrencyMonth(String currency, YearMonth month) {
    }

    /** Sums of one group of engagements. */
    private static final class Tally {
        long served;
        long newClients;
        long longTerm;
        long counselingMinutes;
        long travelMinutes;
        final Map<CurrencyMonth, BigDecimal>[] capital = maps();
        final Map<CurrencyMonth, BigDecimal>[] sales = maps();
        final BigDecimal[] jobsCreated = {BigDecimal.ZERO, BigDecimal.ZERO};
        final BigDecimal[] jobsRetained = {BigDecimal.ZERO, BigDecimal.ZERO};
        final long[] starts = new long[2];
        final long[] formalizations = new long[2];

        @SuppressWarnings("unchecked")
        private static Map<CurrencyMonth, BigDecimal>[] maps() {
            return new Map[] {new HashMap<>(), new HashMap<>()};
        }

        void add(Contribution contribution) {
            if (contribution.served()) {
                served++;
            }
            if (contribution.newClient()) {
                newClients++;
            }
            if (contribution.counselingMinutes() >= LONG_TERM_MINUTES) {
                longTerm++;
            }
            counselingMinutes += contribution.counselingMinutes();
            travelMinutes += contribution.travelMinutes();
            for (ResultVersion result : contribution.results()) {
                // index 0: claimed (every result counted here); index 1: verified as well
                int upTo = result.status() == ResultStatus.VERIFIED ? 2 : 1;
                for (int i = 0; i < upTo; i++) {
                    add(result.details(), i);
                }
            }
        }

        private void add(ResultDetails details, int i) {
            if (details instanceof ResultDetails.Financing f) {
                plus(capital[i], f.amount(), YearMonth.from(f.dateObtained()));
            } else if (details instanceof ResultDetails.Jobs j) {
                jobsCreated[i] = jobsCreated[i].add(BigDecimal.valueOf(j.fullTimeCreated()))
                        .add(HALF.multiply(BigDecimal.valueOf(j.partTimeCreated())));
                jobsRetained[i] = jobsRetained[i].add(BigDecimal.valueOf(j.retained()));
            } else if (details instanceof ResultDetails.SalesIncrease s) {
                YearMonth month = YearMonth.from(s.periodEnd());
                plus(sales[i], s.newSales(), month);
                plus(sales[i], new Money(s.baselineSales().amount().negate(), s.baselineSales().currency()), month);
            } else if (details instanceof ResultDetails.BusinessStart) {
                starts[i]++;
            } else if (details instanceof ResultDetails.Formalization) {
                formalizations[i]++;
            }
        }

        private static void plus(Map<CurrencyMonth, BigDecimal> sums, Money money, YearMonth month) {
            sums.merge(new CurrencyMonth(money.currency(), month), money.amount(), BigDecimal::add);
        }

        Figures figures(Conversion conversion) {
            return new Figures(served, newClients, hours(counselingMinutes), hours(travelMinutes), longTerm,
                    new Both<>(conversion.usd(capital[0]).toPlainString(), conversion.usd(capital[1]).toPlainString()),
                    new Both<>(jobsCreated[0], jobsCreated[1]), new Both<>(jobsRetained[0], jobsRetained[1]),
                    new Both<>(conversion.usd(sales[0]).toPlainString(), conversion.usd(sales[1]).toPlainString()),
                    new Both<>(starts[0], starts[1]), new Both<>(formalizations[0], formalizations[1]),
                    byCurrency(capital), byCurrency(sales));
        }

        private static Map<String, Both<String>> byCurrency(Map<CurrencyMonth, BigDecimal>[] sums) {
            Map<String, BigDecimal> claimed = local(sums[0]);
            Map<String, BigDecimal> verified = local(sums[1]);
            Map<String, Both<String>> both = new TreeMap<>();
            claimed.forEach((currency, amount) -> both.put(currency, new Both<>(amount.toPlainString(),
                    verified.getOrDefault(currency, BigDecimal.ZERO).toPlainString())));
            return both;
        }

        private static Map<String, BigDecimal> local(Map<CurrencyMonth, BigDecimal> sums) {
            Map<String, BigDecimal> byCurrency = new TreeMap<>();
            sums.forEach((key, amount) -> byCurrency.merge(key.currency(), amount, BigDecimal::add));
            return byCurrency;
        }

        private static BigDecimal hours(long minutes) {
            return BigDecimal.valueOf(minutes).divide(SIXTY, 2, RoundingMode.HALF_EVEN);
        }
    }

    /** Converts to US$ at the rate of each amount's month, remembering which rates it used and missed. */
    private static final class Conversion {
        private final Rates rates;
        private final Set<RateKey> missing = new TreeSet<>((a, b) -> (a.currency() + a.month()).compareTo(b.currency() + b.month()));
        private final Map<RateKey, BigDecimal> used = new TreeMap<>((a, b) -> (a.currency() + a.month()).compareTo(b.currency() + b.month()));

        Conversion(Rates rates) {
            this.rates = rates;
        }

        BigDecimal usd(Map<CurrencyMonth, BigDecimal> sums) {
            BigDecimal total = BigDecimal.ZERO;
            for (Map.Entry<CurrencyMonth, BigDecimal> sum : sums.entrySet()) {
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
