package org.casebook.command.engagement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.casebook.shared.event.CounselingSessionLogged;
import org.casebook.shared.event.EngagementOpened;
import org.casebook.shared.event.FinancingObtained;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ResultId;
import org.casebook.shared.id.SessionId;
import org.casebook.shared.refusal.Checks;
import org.casebook.shared.refusal.Refusal;
import org.casebook.shared.value.Baseline;

/**
 * One client enterprise's engagement with a center: the consistency boundary for everything a
 * counselor records about it. Command handlers decide and apply events; event sourcing handlers only
 * remember what later decisions need, and never throw.
 */
@Aggregate
public class Engagement {

    @AggregateIdentifier
    private EngagementId id;
    private LocalDate intakeDate;
    private final Set<SessionId> sessions = new HashSet<>();
    private final Set<ResultId> results = new HashSet<>();

    protected Engagement() {
        // for Axon, which rebuilds the engagement from its events
    }

    @CommandHandler
    public Engagement(OpenEngagement command, Clock clock) {
        BusinessDates.notInFuture("intakeDate", command.intakeDate(), clock);
        Baseline baseline = command.baseline();
        if (baseline != null) {
            Checks.notNegative(baseline.fullTimeEmployees(), "baseline.fullTimeEmployees");
            Checks.notNegative(baseline.partTimeEmployees(), "baseline.partTimeEmployees");
            if (baseline.annualSales() != null) {
                MoneyRules.notNegative(baseline.annualSales(), "baseline.annualSales");
            }
        }
        apply(new EngagementOpened(command.engagementId(), command.centerId(), command.counselorId(),
                command.intakeDate(), command.enterprise(), command.owner(), command.contact(),
                command.referralSource(), command.consents(), command.baseline(), command.programmes(),
                command.needs()));
    }

    @CommandHandler
    public SessionId handle(LogCounselingSession command, Clock clock) {
        BusinessDates.withinEngagement("date", command.date(), intakeDate, clock);
        SessionMinutes.check(command.contactMinutes(), command.prepMinutes(), command.travelMinutes());
        if (sessions.contains(command.sessionId())) {
            throw Refusal.rule("session-exists", "sessionId", command.sessionId());
        }
        apply(new CounselingSessionLogged(id, command.sessionId(), command.date(), command.counselorId(),
                command.type(), command.area(), command.contactMinutes(), command.prepMinutes(),
                command.travelMinutes(), command.programme(), command.notes()));
        return command.sessionId();
    }

    @CommandHandler
    public ResultId handle(RecordFinancing command, Clock clock) {
        BusinessDates.withinEngagement("dateObtained", command.dateObtained(), intakeDate, clock);
        MoneyRules.positive(command.amount(), "amount");
        if (results.contains(command.resultId())) {
            throw Refusal.rule("result-exists", "resultId", command.resultId());
        }
        apply(new FinancingObtained(id, command.resultId(), command.instrument(), command.source(),
                command.amount(), command.dateObtained()));
        return command.resultId();
    }

    @EventSourcingHandler
    void on(EngagementOpened event) {
        id = event.engagementId();
        intakeDate = event.intakeDate();
    }

    @EventSourcingHandler
    void on(CounselingSessionLogged event) {
        sessions.add(event.sessionId());
    }

    @EventSourcingHandler
    void on(FinancingObtained event) {
        results.add(event.resultId());
    }
}
