package org.casebook.command.reference;

import static org.casebook.shared.refusal.Checks.required;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casebook.shared.refusal.Refusal;
import org.casebook.shared.value.Money;

/** Set the US$ value of one unit of a currency for a month. US$ itself needs no rate. */
public record SetExchangeRate(String currency, YearMonth month, BigDecimal usdPerUnit) {

    public SetExchangeRate {
        required(currency, "currency");
        if (!Money.isIsoCurrency(currency)) {
            throw Refusal.rule("currency-unknown", "currency", currency);
        }
        if ("USD".equals(currency)) {
            throw Refusal.rule("rate-of-usd", "currency");
        }
        required(month, "month");
        if (required(usdPerUnit, "usdPerUnit").signum() <= 0) {
            throw Refusal.rule("rate-not-positive", "usdPerUnit");
        }
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ReferenceEntry.idOf(currency, month);
    }
}
