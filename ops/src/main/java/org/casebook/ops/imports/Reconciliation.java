package org.casebook.ops.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.casebook.command.engagement.ImportEngagementHistory;
import org.casebook.command.engagement.ImportEngagementHistory.ImportedResult;
import org.casebook.command.engagement.ImportEngagementHistory.ImportedSession;
import org.casebook.query.engagement.EngagementView;
import org.casebook.shared.value.ResultDetails;
import org.casebook.shared.value.ResultStatus;

/**
 * What an import stored, per center and year, to hold against the legacy system's own totals: the
 * engagements taken in (by intake year), the sessions and their hours, the results (all, and verified)
 * and the amounts of those neither rejected nor withdrawn, in their own currencies. Years are those of
 * the business dates.
 */
public record Reconciliation(List<Line> lines) {

    /** One center's year. Amounts by currency; jobs created as full-time equivalents. */
    public record Line(String centerId, int year, int engagements, int sessions,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal counselingHours,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal travelHours, int results,
                       int verifiedResults, Map<String, String> capital,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal jobsCreated,
                       Map<String, String> salesIncrease) {
    }

    /** Adds up, engagement by engagement, what each import command stored. */
    static final class Tally {

        private final Map<String, Counts> byCenterYear = new TreeMap<>();

        synchronized void add(ImportEngagementHistory command, ImportEngagementHistory.Outcome outcome) {
            String center = command.intake().centerId().value();
            if (outcome.opened()) {
                counts(center, command.intake().intakeDate()).engagements++;
            }
            for (ImportedSession row : command.sessions()) {
                if (outcome.sessionIds().contains(row.session().sessionId().value())) {
                    Counts counts = counts(center, row.session().date());
                    counts.sessions++;
                    counts.counselingMinutes += row.session().contactMinutes() + row.session().prepMinutes();
                    counts.travelMinutes += row.session().travelMinutes();
                }
            }
            for (ImportedResult row : command.results()) {
                if (outcome.resultIds().contains(row.report().resultId().value())) {
                    ResultDetails details = row.report().details();
                    Counts counts = counts(center, details.date());
                    counts.results++;
                    if (row.evidence().state() == ResultStatus.VERIFIED) {
                        counts.verifiedResults++;
                    }
                    if (!row.evidence().state().isClaimed()) {
                        continue;
                    }
                    if (details instanceof ResultDetails.Financing financing) {
                        counts.capital.merge(financing.amount().currency(), financing.amount().amount(), BigDecimal::add);
                    } else if (details instanceof ResultDetails.Jobs jobs) {
                        counts.jobsCreated = counts.jobsCreated.add(BigDecimal.valueOf(jobs.fullTimeCreated()))
                                .add(BigDecimal.valueOf(jobs.partTimeCreated()).multiply(new BigDecimal("0.5")));
                    } else if (details instanceof ResultDetails.SalesIncrease sales) {
                        counts.salesIncrease.merge(sales.newSales().currency(),
                                sales.newSales().amount().subtract(sales.baselineSales().amount()), BigDecimal::add);
                    }
                }
            }
        }

        private Counts counts(String center, LocalDate date) {
            return byCenterYear.computeIfAbsent(center + "|" + date.getYear(), key -> new Counts(center, date.getYear()));
        }

        synchronized Reconciliation reconciliation() {
            List<Line> lines = new ArrayList<>();
            byCenterYear.values().forEach(counts -> lines.add(counts.line()));
            return new Reconciliation(lines);
        }
    }

    private static final class Counts {
        final String center;
        final int year;
        int engagements;
        int sessions;
        long counselingMinutes;
        long travelMinutes;
        int results;
        int verifiedResults;
        final Map<String, BigDecimal> capital = new TreeMap<>();
        BigDecimal jobsCreated = BigDecimal.ZERO;
        final Map<String, BigDecimal> salesIncrease = new TreeMap<>();

        Counts(String center, int year) {
            this.center = center;
            this.year = year;
        }

        Line line() {
            return new Line(center, year, engagements, sessions, EngagementView.Totals.hours(counselingMinutes),
                    EngagementView.Totals.hours(travelMinutes), results, verifiedResults, plain(capital),
                    jobsCreated.stripTrailingZeros().scale() < 0 ? jobsCreated.setScale(0) : jobsCreated.stripTrailingZeros(),
                    plain(salesIncrease));
        }

        private static Map<String, String> plain(Map<String, BigDecimal> amounts) {
            Map<String, String> plain = new TreeMap<>();
            amounts.forEach((currency, amount) -> plain.put(currency, amount.toPlainString()));
            return plain;
        }
    }
}
