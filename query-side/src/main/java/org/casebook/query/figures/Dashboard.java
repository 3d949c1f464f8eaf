package org.casebook.query.figures;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A dashboard: the figures of a scope over [from, to], both days included, as of a recording time
 * ({@code null}: now), broken down by owner gender, sector and stage at intake; with the exchange rates
 * it used and the ones it missed (amounts needing a missing rate are left out of the US$ totals).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Dashboard(String scope, LocalDate from, LocalDate to, Instant asOf,
                        @JsonUnwrapped Figures figures,
                        List<RateKey> missingRates, List<RateUsed> ratesUsed,
                        Map<String, Map<String, Figures>> breakdowns) {

    public record RateKey(String currency, String month) {
    }

    public record RateUsed(String currency, String month,
                           @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal usdPerUnit) {
    }
}
