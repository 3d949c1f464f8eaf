package org.casebook.query.figures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A reporting period whose figures are kept for every center ({@link PeriodFigures}): a month, a
 * calendar quarter, or the twelve months from a month in which a year starts (the calendar year, and
 * each country's fiscal year).
 */
public record Period(LocalDate from, LocalDate to) {

    private static final Comparator<Period> SHORTEST_FIRST = Comparator.comparing(Period::to).thenComparing(Period::from);

    /** The periods that hold the month. */
    public static Set<Period> holding(YearMonth month, Set<Integer> yearStarts) {
        Set<Period> periods = new TreeSet<>(SHORTEST_FIRST);
        periods.add(months(month, 1));
        periods.add(months(month.withMonth(1 + (month.getMonthValue() - 1) / 3 * 3), 3));
        for (int start : yearStarts) {
            YearMonth first = month.withMonth(start);
            periods.add(months(first.isAfter(month) ? first.minusYears(1) : first, 12));
        }
        return periods;
    }

    private static Period months(YearMonth first, int count) {
        return new Period(first.atDay(1), first.plusMonths(count - 1L).atEndOfMonth());
    }

    /**
     * The kept period whose figures are those of [from, to], if there is one: the period that starts on
     * {@code from} and ends on {@code to}, or, when {@code to} is not before today, the shortest one that
     * starts on {@code from} and does not end before today (nothing is dated after today).
     */
    public static Optional<Period> sameAs(LocalDate from, LocalDate to, LocalDate today, Set<Integer> yearStarts) {
        if (from.getDayOfMonth() != 1) {
            return Optional.empty();
        }
        YearMonth first = YearMonth.from(from);
        List<Period> starting = new ArrayList<>();
        for (Period period : holding(first, yearStarts)) {
            if (period.from().equals(from)) {
                starting.add(period);
            }
        }
        for (Period period : starting) {
            if (period.to().equals(to)) {
                return Optional.of(period);
            }
        }
        if (to.isBefore(today)) {
            return Optional.empty();
        }
        return starting.stream().filter(period -> !period.to().isBefore(today)).findFirst();
    }

    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }

    /** The id of a center's figures for this period: {@code HN-TGU-01|2026-01-01|2026-12-31}. */
    public String idFor(String center) {
        return center + "|" + from + "|" + to;
    }
}
