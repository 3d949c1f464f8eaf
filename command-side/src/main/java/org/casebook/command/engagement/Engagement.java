package org.casebook.command.engagement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.casebook.command.Access;
import org.casebook.command.reference.ReferenceData;
import org.casebook.shared.actor.Role;
import org.casebook.shared.event.CounselingSessionLogged;
import org.casebook.shared.event.EngagementEvent;
import org.casebook.shared.event.EngagementOpened;
import org.casebook.shared.event.FinancingObtained;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ProgrammeCode;
import org.casebook.shared.id.ResultId;
import org.casebook.shared.id.SessionId;
import org.casebook.shared.refusal.Checks;
import org.casebook.shared.refusal.Refusal;
import org.casebook.shared.refusal.RefusalKind;
import org.casebook.shared.value.Baseline;

/**
 * One client enterprise's engagement with a center: the consistency boundary for everything a
 * counselor records about it. Command handlers decide and apply events; event sourcing handlers only
 * remember what later decisions need, and never throw.
 */
@Aggregate
public class Engagement {

    /** Those who may record what happens in an engagement of their center. */
    private static final Role[] CASE_WORKERS = {Role.COUNSELOR, Role.DIRECTOR};

    @AggregateIdentifier
    private EngagementId id;
    private CenterId centerId;
    private LocalDate intakeDate;
    private final Set<SessionId> sessions = new HashSet<>();
    private final Set<ResultId> results = new HashSet<>();

    protected Engagement() {
        // for Axon, which rebuilds the engagement from its events
    }

    @CommandHandler
    public Engagement(OpenEngagement command, MetaData metaData, ReferenceData reference, Clock clock) {
        Access.requireCenter(metaData, command.centerId(),
                new Refusal(RefusalKind.FORBIDDEN, "center-not-yours", "centerId", command.centerId()), CASE_WORKERS);
        if (!reference.centerExists(command.centerId())) {
            throw Refusal.rule("center-unknown", "centerId", command.centerId());
        }
        for (ProgrammeCode programme : command.programmes()) {
            if (!reference.programmeExists(programme)) {
                throw Refusal.rule("programme-unknown", "programmes", programme);
            }
        }
        BusinessDates.notInFuture("intakeDate", command.intakeDate(), clock);
        Baseline baseline = command.baseline();
        if (baseline != null) {
            Checks.notNegative(baseline.fullTimeEmployees(), "baseline.fullTimeEmployees");
            Checks.notNegative(baseline.partTimeEmployees(), "baseline.partTimeEmployees");
            if (baseline.annualSales() != null) {
                MoneyRules.notNegative(baseline.annualSales(), "baseline.annualSales");
            }
        }
        record(command.centerId(), new EngagementOpened(command.engagementId(), command.centerId(),
                command.counselorId(), command.intakeDate(), command.enterprise(), command.owner(), command.contact(),
                command.referralSource(), command.consents(), command.baseline(), command.programmes(),
                command.needs()));
    }

    @CommandHandler
    public SessionId handle(LogCounselingSession command, MetaData metaData, Clock clock) {
        requireCaseWorkerOfThisCenter(metaData);
        BusinessDates.withinEngagement("date", command.date(), intakeDate, clock);
        SessionMinutes.check(command.contactMinutes(), command.prepMinutes(), command.travelMinutes());
        if (sessions.contains(command.sessionId())) {
            throw Refusal.rule("session-exists", "sessionId", command.sessionId());
        }
        record(centerId, new CounselingSessionLogged(id, command.sessionId(), command.date(), command.counselorId(),
                command.type(), command.area(), command.contactMinutes(), command.prepMinutes(),
                command.travelMinutes(), command.programme(), command.notes()));
        return command.sessionId();
    }

    @CommandHandler
    public ResultId handle(RecordFinancing command, MetaData metaData, Clock clock) {
        requireCaseWorkerOfThisCenter(metaData);
        BusinessDates.withinEngagement("dateObtained", command.dateObtained(), intakeDate, clock);
        MoneyRules.positive(command.amount(), "amount");
        if (results.contains(command.resultId())) {
            throw Refusal.rule("result-exists", "resultId", command.resultId());
        }
        record(centerId, new FinancingObtained(id, command.resultId(), command.instrument(), command.source(),
                command.amount(), command.dateObtained()));
        return command.resultId();
    }

    private void requireCaseWorkerOfThisCenter(MetaData metaData) {
        Access.requireCenter(metaData, centerId, Refusal.notFound("engagement-not-found", id), CASE_WORKERS);
    }

    /** Applies the event, noting the center it was done for: figures are credited to that center. */
    private static void record(CenterId center, EngagementEvent event) {
        apply(event, MetaData.with(Access.CENTER_ID, center.value()));
    }

    @EventSourcingHandler
    void on(EngagementOpened event) {
        id = event.engagementId();
        centerId = event.centerId();
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
