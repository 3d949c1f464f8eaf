package org.casebook.query.figures;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The figures of a scope over a date range, as "How the figures are counted" in the domain guide says.
 * Every result figure exists twice: claimed (neither rejected nor withdrawn) and verified. Amounts of
 * money are decimal strings, US$ rounded half-even to cents after summing the exact conversions.
 */
public record Figures(long clientsServed, long newClients, BigDecimal counselingHours, BigDecimal travelHours,
                      long longTermClients, Both<String> capitalObtainedUsd, Both<BigDecimal> jobsCreated,
                      Both<BigDecimal> jobsRetained, Both<String> salesIncreaseUsd, Both<Long> businessStarts,
                      Both<Long> formalizations, Map<String, Both<String>> capitalObtainedByCurrency,
                      Map<String, Both<String>> salesIncreaseByCurrency) {

    public record Both<T>(T claimed, T verified) {
    }
}
