package org.casebook.query.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casebook.query.engagement.EngagementEvents.financing;
import static org.casebook.query.engagement.EngagementEvents.opened;
import static org.casebook.query.engagement.EngagementEvents.session;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The fold of an engagement's events, as plain code. */
class EngagementViewTest {

    @Test
    void foldsIntakeSessionsAndFinancing() {
        EngagementView view = EngagementView.opened(opened(), 0)
                .sessionLogged(session("s-1", LocalDate.of(2026, 3, 20), 90, 30, 20), 1)
                .sessionLogged(session("s-2", LocalDate.of(2026, 3, 9), 45, 0, 0), 2)
                .financingObtained(financing("r-1", "120000.00"), 3);

        assertThat(view.status()).isEqualTo("OPEN");
        assertThat(view.enterprise().name()).isEqualTo("Panadería La Esperanza");
        assertThat(view.sessions()).extracting(EngagementView.Session::sessionId).containsExactly("s-1", "s-2");
        assertThat(view.totals().sessions()).isEqualTo(2);
        // (90 + 30 + 45) minutes of contact and preparation; travel apart
        assertThat(view.totals().counselingHours()).isEqualByComparingTo(new BigDecimal("2.75"));
        assertThat(view.totals().travelHours()).isEqualByComparingTo(new BigDecimal("0.33"));
        assertThat(view.lastContact()).isEqualTo(LocalDate.of(2026, 3, 20));
        assertThat(view.financing()).singleElement().satisfies(financing -> {
            assertThat(financing.amount().amount()).isEqualByComparingTo("120000.00");
            assertThat(financing.status()).isEqualTo("CLAIMED");
        });
        assertThat(view.lastSequence()).isEqualTo(3);
    }

    @Test
    void anEventDeliveredTwiceChangesNothing() {
        EngagementView once = EngagementView.opened(opened(), 0)
                .sessionLogged(session("s-1", LocalDate.of(2026, 3, 20), 90, 30, 0), 1)
                .financingObtained(financing("r-1", "100.00"), 2);
        EngagementView twice = once
                .sessionLogged(session("s-1", LocalDate.of(2026, 3, 20), 90, 30, 0), 1)
                .financingObtained(financing("r-1", "100.00"), 2);
        assertThat(twice).isSameAs(once);
    }
}
