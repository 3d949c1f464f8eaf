package org.casebook.query.reference;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.casebook.shared.event.ExchangeRateSet;

/**
 * The US$ rate of a currency in a month, with every value it had and when it was recorded, so that
 * a report as of an earlier time uses the rate that held then.
 */
public record ExchangeRateView(String id, String currency, String month, List<Version> history, long lastSequence) {

    public record Version(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal usdPerUnit, Instant recordedAt) {
    }

    public static String idOf(String currency, String month) {
        return currency + "|" + month;
    }

    public static ExchangeRateView fold(ExchangeRateView current, ExchangeRateSet event, Instant recordedAt,
                                        long sequence) {
        if (current != null && sequence <= current.lastSequence) {
            return current;
        }
        List<Version> history = new ArrayList<>(current == null ? List.of() : current.history);
        history.add(new Version(event.usdPerUnit(), recordedAt));
        return new ExchangeRateView(idOf(event.currency(), event.month().toString()), event.currency(),
                event.month().toString(), List.copyOf(history), sequence);
    }

    /** The rate that held at the time ({@code null}: now). */
    public Optional<BigDecimal> rateAt(Instant asOf) {
        BigDecimal rate = null;
        for (Version version : history) {
            if (asOf == null || !version.recordedAt().isAfter(asOf)) {
                rate = version.usdPerUnit();
            }
        }
        return Optional.ofNullable(rate);
    }
}
