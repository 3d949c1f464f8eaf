package org.casebook.query.store;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first month of each country's fiscal year ({@code casebook.fiscal-years.*}); January where none
 * is set. The SBDC long-term-client figure is counted over a fiscal year.
 *
 * @param firstMonth by ISO 3166 country code, for instance {@code JM: 4}
 */
@ConfigurationProperties("casebook.fiscal-years")
public record FiscalYears(@DefaultValue Map<String, Integer> firstMonth) {

    /** The first day of the fiscal year that holds the date, in the country. */
    public LocalDate startOf(String country, LocalDate date) {
        int first = firstMonth.getOrDefault(country, 1);
        LocalDate start = LocalDate.of(date.getYear(), first, 1);
        return start.isAfter(date) ? start.minusYears(1) : start;
    }

    /** The months in which some country's year starts: January, and every fiscal year's first month. */
    public java.util.SortedSet<Integer> yearStarts() {
        java.util.SortedSet<Integer> starts = new java.util.TreeSet<>(firstMonth.values());
        starts.add(1);
        return starts;
    }
}
