package org.casebook.shared.value;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.casebook.shared.refusal.Refusal;

/**
 * An amount in its original ISO 4217 currency, exact (never floating point) and never converted
 * inside an event. The amount travels as a decimal string: {@code {"amount": "120000.00", "currency": "HNL"}}.
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

    /** Codes ISO reserves for tests and for "no currency": never money a client obtained. */
    private static final Set<String> NOT_MONEY = Set.of("XXX", "XTS");

    public Money {
        if (amount == null) {
            throw Refusal.required("amount");
        }
        if (currency == null || currency.isBlank()) {
            throw Refusal.required("currency");
        }
        if (!isIsoCurrency(currency)) {
            throw Refusal.rule("currency-unknown", "currency", currency);
        }
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static boolean isIsoCurrency(String code) {
        if (code.length() != 3 || !code.equals(code.toUpperCase()) || NOT_MONEY.contains(code)) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @JsonIgnore
    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /** Whether the amount has no more decimals than the currency's minor unit (cents for HNL, none for JPY). */
    @JsonIgnore
    public boolean fitsMinorUnit() {
        int digits = minorUnitDigits();
        return digits < 0 || amount.stripTrailingZeros().scale() <= digits;
    }

    @JsonIgnore
    public int minorUnitDigits() {
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }
}
