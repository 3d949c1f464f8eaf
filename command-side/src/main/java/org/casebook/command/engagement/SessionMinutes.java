package org.casebook.command.engagement;

import org.casebook.shared.refusal.Refusal;

/** A session has some contact with the client, and no part of it is negative or longer than a day. */
final class SessionMinutes {

    static final int IN_A_DAY = 24 * 60;

    private SessionMinutes() {
    }

    static void check(int contact, int prep, int travel) {
        if (contact <= 0) {
            throw Refusal.rule("contact-minutes-not-positive", "contactMinutes");
        }
        withinADay(contact, "contactMinutes");
        withinADay(prep, "prepMinutes");
        withinADay(travel, "travelMinutes");
    }

    private static void withinADay(int minutes, String field) {
        if (minutes < 0) {
            throw Refusal.rule("minutes-negative", field);
        }
        if (minutes > IN_A_DAY) {
            throw Refusal.rule("minutes-too-many", field, IN_A_DAY);
        }
    }
}
