package org.casebook.query.engagement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.casebook.shared.event.CounselingSessionLogged;
import org.casebook.shared.event.EngagementOpened;
import org.casebook.shared.event.FinancingObtained;
import org.casebook.shared.id.ProgrammeCode;
import org.casebook.shared.value.Baseline;
import org.casebook.shared.value.Consents;
import org.casebook.shared.value.Contact;
import org.casebook.shared.value.Enterprise;
import org.casebook.shared.value.FinancingInstrument;
import org.casebook.shared.value.Money;
import org.casebook.shared.value.Owner;
import org.casebook.shared.value.SessionType;

/**
 * An engagement as counselors and directors read it: the intake, the sessions and the results, with
 * running totals. Immutable; each event gives the next view through a small method. Every method
 * first asks whether the event is newer than what the view has seen ({@code lastSequence}), so
 * delivering an event twice changes nothing.
 */
public record EngagementView(
        String id,
        String centerId,
        String counselorId,
        String status,
        LocalDate intakeDate,
        Enterprise enterprise,
        Owner owner,
        Contact contact,
        String referralSource,
        Consents consents,
        Baseline baseline,
        List<String> programmes,
        List<String> needs,
        List<Session> sessions,
        List<Financing> financing,
        Totals totals,
        LocalDate lastContact,
        long lastSequence,
        List<String> redacted) {

    public static final String OPEN = "OPEN";

    public record Session(String sessionId, LocalDate date, String counselorId, SessionType type, String area,
                          int contactMinutes, int prepMinutes, int travelMinutes, String programme,
                          String notes) {
    }

    public record Financing(String resultId, FinancingInstrument instrument, String source, Money amount,
                            LocalDate dateObtained, String status) {
    }

    /**
     * Running totals, kept in minutes (exact); counseling hours are contact plus preparation, travel is
     * counted apart. Hours are shown, never stored: they follow from the minutes.
     */
    public record Totals(int sessions, int contactMinutes, int prepMinutes, int travelMinutes) {

        static final Totals NONE = new Totals(0, 0, 0, 0);

        Totals plus(Session session) {
            return new Totals(sessions + 1, contactMinutes + session.contactMinutes(),
                    prepMinutes + session.prepMinutes(), travelMinutes + session.travelMinutes());
        }

        @JsonProperty(access = JsonProperty.Access.READ_ONLY)
        public BigDecimal counselingHours() {
            return hours(contactMinutes + prepMinutes);
        }

        @JsonProperty(access = JsonProperty.Access.READ_ONLY)
        public BigDecimal travelHours() {
            return hours(travelMinutes);
        }

        private static BigDecimal hours(int minutes) {
            return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_EVEN);
        }
    }

    public static EngagementView opened(EngagementOpened event, long sequence) {
        return new EngagementView(event.engagementId().value(), event.centerId().value(),
                event.counselorId().value(), OPEN, event.intakeDate(), event.enterprise(), event.owner(),
                event.contact(), event.referralSource(), event.consents(), event.baseline(),
                event.programmes().stream().map(ProgrammeCode::value).toList(), event.needs(),
                List.of(), List.of(), Totals.NONE, null, sequence, null);
    }

    public EngagementView sessionLogged(CounselingSessionLogged event, long sequence) {
        if (sequence <= lastSequence) {
            return this;
        }
        Session session = new Session(event.sessionId().value(), event.date(), event.counselorId().value(),
                event.type(), event.area(), event.contactMinutes(), event.prepMinutes(), event.travelMinutes(),
                event.programme() == null ? null : event.programme().value(), event.notes());
        LocalDate latest = lastContact == null || event.date().isAfter(lastContact) ? event.date() : lastContact;
        return new EngagementView(id, centerId, counselorId, status, intakeDate, enterprise, owner, contact,
                referralSource, consents, baseline, programmes, needs, append(sessions, session), financing,
                totals.plus(session), latest, sequence, redacted);
    }

    public EngagementView financingObtained(FinancingObtained event, long sequence) {
        if (sequence <= lastSequence) {
            return this;
        }
        Financing result = new Financing(event.resultId().value(), event.instrument(), event.source(),
                event.amount(), event.dateObtained(), "CLAIMED");
        return new EngagementView(id, centerId, counselorId, status, intakeDate, enterprise, owner, contact,
                referralSource, consents, baseline, programmes, needs, sessions, append(financing, result),
                totals, lastContact, sequence, redacted);
    }

    /** The personal data fields, by their path in this view. */
    static final List<String> PERSONAL_DATA = List.of("owner.name", "contact", "enterprise.taxId", "sessions.notes");

    /**
     * The view without personal data (owner name, contact, tax id, session notes), for readers who may
     * not see it; counts, hours and amounts stay. {@code redacted} lists what was taken out.
     */
    public EngagementView withoutPersonalData() {
        Enterprise business = enterprise == null ? null : new Enterprise(enterprise.name(), null, enterprise.country(),
                enterprise.sector(), enterprise.stage(), enterprise.legalForm());
        Owner anonymous = owner == null ? null : new Owner(null, owner.gender(), owner.birthYear());
        List<Session> withoutNotes = sessions.stream().map(session -> new Session(session.sessionId(), session.date(),
                session.counselorId(), session.type(), session.area(), session.contactMinutes(),
                session.prepMinutes(), session.travelMinutes(), session.programme(), null)).toList();
        return new EngagementView(id, centerId, counselorId, status, intakeDate, business, anonymous, null,
                referralSource, consents, baseline, programmes, needs, withoutNotes, financing, totals, lastContact,
                lastSequence, PERSONAL_DATA);
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> next = new ArrayList<>(list.size() + 1);
        next.addAll(list);
        next.add(item);
        return List.copyOf(next);
    }
}
