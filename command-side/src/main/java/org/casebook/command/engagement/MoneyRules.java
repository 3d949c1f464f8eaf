package org.casebook.command.engagement;

import org.casebook.shared.refusal.Refusal;
import org.casebook.shared.value.Money;

/** What an amount a counselor records must satisfy, beyond being money at all. */
final class MoneyRules {

    private MoneyRules() {
    }

    static Money positive(Money money, String field) {
        if (!money.isPositive()) {
            throw Refusal.rule("amount-not-positive", field);
        }
        return fitsCurrency(money, field);
    }

    static Money notNegative(Money money, String field) {
        if (money.amount().signum() < 0) {
            throw Refusal.rule("amount-negative", field);
        }
        return fitsCurrency(money, field);
    }

    private static Money fitsCurrency(Money money, String field) {
        if (!money.fitsMinorUnit()) {
            throw Refusal.rule("amount-too-precise", field, money.currency(), money.minorUnitDigits());
        }
        return money;
    }
}
