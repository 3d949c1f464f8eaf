package org.casebook.query.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.casebook.query.figures.EngagementFacts.ResultVersion;
import org.casebook.query.figures.FiguresCalculator.Contribution;
import org.casebook.query.figures.FiguresCalculator.Conversion;
import org.casebook.query.figures.Figures.Both;
import org.casebook.shared.value.Money;
import org.casebook.shared.value.ResultDetails;
import org.casebook.shared.value.ResultStatus;

/**
 * The sums of one group of engagements' contributions, money still in its own currency and month so
 * that it is converted at the rates known when the figures are read. Sums add up: a group's tally is
 * the sum of its engagements' and of its parts' tallies, and a contribution can be taken away again.
 */
final class Tally {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    private static final BigDecimal HALF = new BigDecimal("0.5");

    /** Amounts by currency and month, as they must be converted. */
    record CurrencyMonth(String currency, YearMonth month) {
    }

    private long served;
    private long newClients;
    private long longTerm;
    private long counselingMinutes;
    private long travelMinutes;
    // index 0: claimed (every result counted here); index 1: verified as well
    private final List<Map<CurrencyMonth, BigDecimal>> capital = List.of(new HashMap<>(), new HashMap<>());
    private final List<Map<CurrencyMonth, BigDecimal>> sales = List.of(new HashMap<>(), new HashMap<>());
    private final BigDecimal[] jobsCreated = {BigDecimal.ZERO, BigDecimal.ZERO};
    private final BigDecimal[] jobsRetained = {BigDecimal.ZERO, BigDecimal.ZERO};
    private final long[] starts = new long[2];
    private final long[] formalizations = new long[2];

    /** Adds ({@code sign} 1) or takes away ({@code sign} -1) what one engagement contributes. */
    void add(Contribution contribution, int sign) {
        if (contribution.served()) {
            served += sign;
        }
        if (contribution.newClient()) {
            newClients += sign;
        }
        if (contribution.counselingMinutes() >= FiguresCalculator.LONG_TERM_MINUTES) {
            longTerm += sign;
        }
        counselingMinutes += (long) sign * contribution.counselingMinutes();
        travelMinutes += (long) sign * contribution.travelMinutes();
        BigDecimal times = BigDecimal.valueOf(sign);
        for (ResultVersion result : contribution.results()) {
            int upTo = result.status() == ResultStatus.VERIFIED ? 2 : 1;
            for (int i = 0; i < upTo; i++) {
                add(result.details(), i, sign, times);
            }
        }
    }

    private void add(ResultDetails details, int i, int sign, BigDecimal times) {
        if (details instanceof ResultDetails.Financing f) {
            plus(capital.get(i), f.amount().currency(), YearMonth.from(f.dateObtained()), f.amount().amount().multiply(times));
        } else if (details instanceof ResultDetails.Jobs j) {
            jobsCreated[i] = jobsCreated[i].add(BigDecimal.valueOf(j.fullTimeCreated())
                    .add(HALF.multiply(BigDecimal.valueOf(j.partTimeCreated()))).multiply(times));
            jobsRetained[i] = jobsRetained[i].add(BigDecimal.valueOf(j.retained()).multiply(times));
        } else if (details instanceof ResultDetails.SalesIncrease s) {
            YearMonth month = YearMonth.from(s.periodEnd());
            Money now = s.newSales();
            Money before = s.baselineSales();
            plus(sales.get(i), now.currency(), month, now.amount().multiply(times));
            plus(sales.get(i), before.currency(), month, before.amount().negate().multiply(times));
        } else if (details instanceof ResultDetails.BusinessStart) {
            starts[i] += sign;
        } else if (details instanceof ResultDetails.Formalization) {
            formalizations[i] += sign;
        }
    }

    private static void plus(Map<CurrencyMonth, BigDecimal> sums, String currency, YearMonth month, BigDecimal amount) {
        sums.merge(new CurrencyMonth(currency, month), amount, BigDecimal::add);
    }

    void add(Tally other) {
        served += other.served;
        newClients += other.newClients;
        longTerm += other.longTerm;
        counselingMinutes += other.counselingMinutes;
        travelMinutes += other.travelMinutes;
        for (int i = 0; i < 2; i++) {
            Map<CurrencyMonth, BigDecimal> capitalSums = capital.get(i);
            Map<CurrencyMonth, BigDecimal> salesSums = sales.get(i);
            other.capital.get(i).forEach((key, amount) -> capitalSums.merge(key, amount, BigDecimal::add));
            other.sales.get(i).forEach((key, amount) -> salesSums.merge(key, amount, BigDecimal::add));
            jobsCreated[i] = jobsCreated[i].add(other.jobsCreated[i]);
            jobsRetained[i] = jobsRetained[i].add(other.jobsRetained[i]);
            starts[i] += other.starts[i];
            formalizations[i] += other.formalizations[i];
        }
    }

    Figures figures(Conversion conversion) {
        return new Figures(served, newClients, hours(counselingMinutes), hours(travelMinutes), longTerm,
                new Both<>(conversion.usd(capital.get(0)).toPlainString(), conversion.usd(capital.get(1)).toPlainString()),
                new Both<>(jobsCreated[0], jobsCreated[1]), new Both<>(jobsRetained[0], jobsRetained[1]),
                new Both<>(conversion.usd(sales.get(0)).toPlainString(), conversion.usd(sales.get(1)).toPlainString()),
                new Both<>(starts[0], starts[1]), new Both<>(formalizations[0], formalizations[1]),
                byCurrency(capital), byCurrency(sales));
    }

    private static Map<String, Both<String>> byCurrency(List<Map<CurrencyMonth, BigDecimal>> sums) {
        Map<String, BigDecimal> claimed = local(sums.get(0));
        Map<String, BigDecimal> verified = local(sums.get(1));
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

    /**
     * A tally as a read-model document keeps it: exact decimals as strings, money by currency and month.
     *
     * @param capital     claimed amounts, then verified ones
     * @param jobsCreated claimed, verified (likewise the other pairs)
     */
    record Stored(long served, long newClients, long longTerm, long counselingMinutes, long travelMinutes,
                  List<List<Amount>> capital, List<List<Amount>> sales, List<String> jobsCreated,
                  List<String> jobsRetained, List<Long> starts, List<Long> formalizations) {
    }

    record Amount(String currency, String month, String amount) {
    }

    Stored stored() {
        return new Stored(served, newClients, longTerm, counselingMinutes, travelMinutes, amounts(capital),
                amounts(sales), List.of(jobsCreated[0].toPlainString(), jobsCreated[1].toPlainString()),
                List.of(jobsRetained[0].toPlainString(), jobsRetained[1].toPlainString()),
                List.of(starts[0], starts[1]), List.of(formalizations[0], formalizations[1]));
    }

    private static List<List<Amount>> amounts(List<Map<CurrencyMonth, BigDecimal>> sums) {
        List<List<Amount>> both = new ArrayList<>(2);
        for (Map<CurrencyMonth, BigDecimal> map : sums) {
            List<Amount> amounts = new ArrayList<>(map.size());
            map.forEach((key, amount) -> amounts.add(new Amount(key.currency(), key.month().toString(),
                    amount.toPlainString())));
            amounts.sort(java.util.Comparator.comparing(Amount::currency).thenComparing(Amount::month));
            both.add(amounts);
        }
        return both;
    }

    static Tally of(Stored stored) {
        Tally tally = new Tally();
        tally.served = stored.served();
        tally.newClients = stored.newClients();
        tally.longTerm = stored.longTerm();
        tally.counselingMinutes = stored.counselingMinutes();
        tally.travelMinutes = stored.travelMinutes();
        for (int i = 0; i < 2; i++) {
            for (Amount amount : stored.capital().get(i)) {
                plus(tally.capital.get(i), amount.currency(), YearMonth.parse(amount.month()), new BigDecimal(amount.amount()));
            }
            for (Amount amount : stored.sales().get(i)) {
                plus(tally.sales.get(i), amount.currency(), YearMonth.parse(amount.month()), new BigDecimal(amount.amount()));
            }
            tally.jobsCreated[i] = new BigDecimal(stored.jobsCreated().get(i));
            tally.jobsRetained[i] = new BigDecimal(stored.jobsRetained().get(i));
            tally.starts[i] = stored.starts().get(i);
            tally.formalizations[i] = stored.formalizations().get(i);
        }
        return tally;
    }
}
