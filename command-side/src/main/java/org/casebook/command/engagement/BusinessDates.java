package org.casebook.command.engagement;

import java.time.Clock;
import java.time.LocalDate;

import org.casebook.shared.refusal.Refusal;

/**
 * The rule for business dates: nothing happens before the intake that started the engagement, and
 * nothing is recorded ahead of time. "Today" is taken in UTC, which is ahead of every center of the
 * network, so a counselor's own today is never refused.
 */
final class BusinessDates {

    private BusinessDates() {
    }

    static void notInFuture(String field, LocalDate date, Clock clock) {
        if (date.isAfter(LocalDate.now(clock))) {
            throw Refusal.rule("date-in-future", field, date);
        }
    }

    static void withinEngagement(String field, LocalDate date, LocalDate intakeDate, Clock clock) {
        if (date.isBefore(intakeDate)) {
            throw Refusal.rule("date-before-intake", field, date, intakeDate);
        }
        notInFuture(field, date, clock);
    }
}
