package org.casebook.command.engagement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.casebook.command.Access;
import org.casebook.command.engagement.Commands.AssignCounselor;
import org.casebook.command.engagement.Commands.AttestResult;
import org.casebook.command.engagement.Commands.CloseEngagement;
import org.casebook.command.engagement.Commands.CorrectCounselingSession;
import org.casebook.command.engagement.Commands.CorrectResult;
import org.casebook.command.engagement.Commands.ErasePersonalData;
import org.casebook.command.engagement.Commands.RejectResult;
import org.casebook.command.engagement.Commands.ReopenEngagement;
import org.casebook.command.engagement.Commands.ReopenResult;
import org.casebook.command.engagement.Commands.ReportResult;
import org.casebook.command.engagement.Commands.TransferEngagement;
import org.casebook.command.engagement.Commands.VerifyResult;
import org.casebook.command.engagement.Commands.VoidCounselingSession;
import org.casebook.command.engagement.Commands.WithdrawResult;
import org.casebook.command.reference.ReferenceData;
import org.casebook.shared.actor.Actor;
import org.casebook.shared.actor.Role;
import org.casebook.shared.event.BusinessStartReported;
import org.casebook.shared.event.CounselingSessionCorrected;
import org.casebook.shared.event.CounselingSessionLogged;
import org.casebook.shared.event.CounselingSessionVoided;
import org.casebook.shared.event.CounselorAssigned;
import org.casebook.shared.event.EngagementClosed;
import org.casebook.shared.event.EngagementEvent;
import org.casebook.shared.event.EngagementOpened;
import org.casebook.shared.event.EngagementReopened;
import org.casebook.shared.event.EngagementTransferred;
import org.casebook.shared.event.FinancingObtained;
import org.casebook.shared.event.FormalizationReported;
import org.casebook.shared.event.JobsReported;
import org.casebook.shared.event.PersonalDataErased;
import org.casebook.shared.event.ResultAttested;
import org.casebook.shared.event.ResultCorrected;
import org.casebook.shared.event.ResultRejected;
import org.casebook.shared.event.ResultReopened;
import org.casebook.shared.event.ResultReported;
import org.casebook.shared.event.ResultVerified;
import org.casebook.shared.event.ResultWithdrawn;
import org.casebook.shared.event.SalesIncreaseReported;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.CounselorId;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ProgrammeCode;
import org.casebook.shared.id.ResultId;
import org.casebook.shared.id.SessionId;
import org.casebook.shared.imported.Imported;
import org.casebook.shared.personal.PersonalData;
import org.casebook.shared.personal.PersonalDataKeys;
import org.casebook.shared.refusal.Checks;
import org.casebook.shared.refusal.Refusal;
import org.casebook.shared.refusal.RefusalKind;
import org.casebook.shared.value.AttestationMethod;
import org.casebook.shared.value.Baseline;
import org.casebook.shared.value.ClosureReason;
import org.casebook.shared.value.ResultDetails;
import org.casebook.shared.value.ResultStatus;

/**
 * One client enterprise's engagement with a center: the consistency boundary for everything a
 * counselor records about it. Command handlers decide and apply events; event sourcing handlers only
 * remember what later decisions need, and never throw. Its fields are what a snapshot keeps.
 */
@Aggregate(snapshotTriggerDefinition = "engagementSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Engagement {

    /** Those who may record what happens in an engagement of their center. */
    private static final Role[] CASE_WORKERS = {Role.COUNSELOR, Role.DIRECTOR};

    @AggregateIdentifier
    private EngagementId id;
    private CenterId centerId;
    private CounselorId counselorId;
    private LocalDate intakeDate;
    private LocalDate lastTransferDate;
    private boolean open;
    /** The enterprise's identity (country and normalized tax id) while it is claimed; null without a tax id. */
    private String country;
    @PersonalData
    private String taxId;
    private boolean personalDataErased;
    /** Sessions by id: whether each has been voided. */
    private Map<String, Boolean> sessionsVoided = new HashMap<>();
    private Map<String, ResultState> results = new HashMap<>();
    /** The import batch that opened the engagement; null when it was opened in Casebook. */
    private String importBatch;
    /** Whether that batch was revoked: the engagement was closed as imported in error, for good. */
    private boolean revoked;

    /** What decisions need to remember of a result. */
    record ResultState(String kind, ResultStatus status, boolean attested) {

        ResultState with(ResultStatus next) {
            return new ResultState(kind, next, attested || next == ResultStatus.ATTESTED);
        }
    }

    protected Engagement() {
        // for Axon, which rebuilds the engagement from its events or a snapshot
    }

    // ---- intake and the engagement's life -------------------------------------------------------

    @CommandHandler
    public Engagement(OpenEngagement command, MetaData metaData, ReferenceData reference,
                      EnterpriseIdentities identities, Clock clock) {
        Access.requireCenter(metaData, command.centerId(),
                new Refusal(RefusalKind.FORBIDDEN, "center-not-yours", "centerId", command.centerId()), CASE_WORKERS);
        open(command, reference, identities, clock, Map.of(), true);
    }

    /**
     * The intake's rules, then the event that opens the engagement, with the metadata given. An imported
     * engagement the legacy system closed claims no identity: one enterprise, one <em>open</em> engagement.
     */
    private void open(OpenEngagement command, ReferenceData reference, EnterpriseIdentities identities, Clock clock,
                      Map<String, String> metaData, boolean claimIdentity) {
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
        String identity = normalizedTaxId(command.enterprise().taxId());
        if (identity != null && claimIdentity) {
            identities.claim(command.enterprise().country(), identity, command.engagementId(), command.centerId())
                    .ifPresent(center -> {
                        throw Refusal.rule("enterprise-engagement-open", "enterprise.taxId", center);
                    });
        }
        record(command.centerId(), new EngagementOpened(command.engagementId(), command.centerId(),
                command.counselorId(), command.intakeDate(), command.enterprise(), command.owner(), command.contact(),
                command.referralSource(), command.consents(), command.baseline(), command.programmes(),
                command.needs()), metaData);
    }

    @CommandHandler
    void handle(AssignCounselor command, MetaData metaData) {
        requireOpen(metaData);
        if (!command.counselorId().equals(counselorId)) {
            record(centerId, new CounselorAssigned(id, command.counselorId()));
        }
    }

    @CommandHandler
    void handle(TransferEngagement command, MetaData metaData, ReferenceData reference,
                EnterpriseIdentities identities, Clock clock) {
        requireOpen(metaData);
        if (command.toCenterId().equals(centerId)) {
            throw Refusal.rule("transfer-same-center", "toCenterId", centerId);
        }
        if (!reference.centerExists(command.toCenterId())) {
            throw Refusal.rule("center-unknown", "toCenterId", command.toCenterId());
        }
        BusinessDates.withinEngagement("effectiveDate", command.effectiveDate(), intakeDate, clock);
        if (lastTransferDate != null && command.effectiveDate().isBefore(lastTransferDate)) {
            throw Refusal.rule("transfer-before-last", "effectiveDate", command.effectiveDate(), lastTransferDate);
        }
        if (taxId != null) {
            identities.move(country, taxId, id, command.toCenterId());
        }
        // Done for the center that held the engagement until now; its figures from the date on move.
        record(centerId, new EngagementTransferred(id, centerId, command.toCenterId(), command.counselorId(),
                command.effectiveDate()));
    }

    @CommandHandler
    void handle(CloseEngagement command, MetaData metaData, EnterpriseIdentities identities) {
        requireOpen(metaData);
        close(command.reason(), command.note(), identities, Map.of());
    }

    private void close(ClosureReason reason, String note, EnterpriseIdentities identities, Map<String, String> metaData) {
        if (taxId != null) {
            identities.release(country, taxId, id);
        }
        record(centerId, new EngagementClosed(id, reason, note), metaData);
    }

    @CommandHandler
    void handle(ReopenEngagement command, MetaData metaData, EnterpriseIdentities identities) {
        requireCaseWorker(metaData);
        if (open) {
            throw Refusal.rule("engagement-open", null);
        }
        if (taxId != null) {
            identities.claim(country, taxId, id, centerId).ifPresent(center -> {
                throw Refusal.rule("enterprise-engagement-open", "enterprise.taxId", center);
            });
        }
        record(centerId, new EngagementReopened(id, command.reason()));
    }

    // ---- counseling sessions ---------------------------------------------------------------------

    @CommandHandler
    public SessionId handle(LogCounselingSession command, MetaData metaData, Clock clock) {
        requireOpen(metaData);
        if (sessionsVoided.containsKey(command.sessionId().value())) {
            throw Refusal.rule("session-exists", "sessionId", command.sessionId());
        }
        logSession(command, clock, Map.of());
        return command.sessionId();
    }

    private void logSession(LogCounselingSession command, Clock clock, Map<String, String> metaData) {
        checkSession(command, clock);
        record(centerId, new CounselingSessionLogged(id, command.sessionId(), command.date(), command.counselorId(),
                command.type(), command.area(), command.contactMinutes(), command.prepMinutes(),
                command.travelMinutes(), command.programme(), command.notes(), command.participants()), metaData);
    }

    @CommandHandler
    void handle(CorrectCounselingSession command, MetaData metaData, Clock clock) {
        requireOpen(metaData);
        requireLiveSession(command.sessionId());
        LogCounselingSession values = command.values();
        checkSession(values, clock);
        record(centerId, new CounselingSessionCorrected(id, command.sessionId(), values.date(), values.counselorId(),
                values.type(), values.area(), values.contactMinutes(), values.prepMinutes(), values.travelMinutes(),
                values.programme(), values.notes(), command.reason(), values.participants()));
    }

    @CommandHandler
    void handle(VoidCounselingSession command, MetaData metaData) {
        requireOpen(metaData);
        requireLiveSession(command.sessionId());
        record(centerId, new CounselingSessionVoided(id, command.sessionId(), command.reason()));
    }

    private void checkSession(LogCounselingSession session, Clock clock) {
        BusinessDates.withinEngagement("date", session.date(), intakeDate, clock);
        SessionMinutes.check(session.contactMinutes(), session.prepMinutes(), session.travelMinutes());
        if (session.participants() < 1) {
            throw Refusal.rule("participants-invalid", "participants");
        }
    }

    private void requireLiveSession(SessionId session) {
        Boolean voided = sessionsVoided.get(session.value());
        if (voided == null) {
            throw Refusal.notFound("session-not-found", session);
        }
        if (voided) {
            throw Refusal.rule("session-voided", "sessionId", session);
        }
    }

    // ---- results and their evidence --------------------------------------------------------------

    @CommandHandler
    public ResultId handle(ReportResult command, MetaData metaData, Clock clock) {
        requireOpen(metaData);
        if (results.containsKey(command.resultId().value())) {
            throw Refusal.rule("result-exists", "resultId", command.resultId());
        }
        ResultRules.check(command.details(), intakeDate, clock);
        record(centerId, reported(command.resultId(), command.details()));
        return command.resultId();
    }

    @CommandHandler
    void handle(CorrectResult command, MetaData metaData, Clock clock) {
        requireOpen(metaData);
        ResultState result = result(command.resultId());
        if (!kindOf(command.details()).equals(result.kind())) {
            throw Refusal.rule("result-kind-changed", "details", result.kind());
        }
        if (result.status() == ResultStatus.VERIFIED) {
            throw Refusal.rule("result-verified", "resultId");
        }
        requireStatus(result, ResultStatus.CLAIMED, ResultStatus.ATTESTED, ResultStatus.REJECTED);
        ResultRules.check(command.details(), intakeDate, clock);
        record(centerId, new ResultCorrected(id, command.resultId(), command.details(), command.reason()));
    }

    @CommandHandler
    void handle(AttestResult command, MetaData metaData, Clock clock) {
        requireCaseWorker(metaData);
        ResultState result = result(command.resultId());
        requireStatus(result, ResultStatus.CLAIMED, ResultStatus.ATTESTED);
        BusinessDates.notInFuture("date", command.date(), clock);
        record(centerId, new ResultAttested(id, command.resultId(), command.method(), command.evidenceRef(),
                command.evidenceSha256(), command.date()));
    }

    @CommandHandler
    void handle(VerifyResult command, MetaData metaData) {
        requireDirector(metaData);
        ResultState result = result(command.resultId());
        if (result.status() == ResultStatus.VERIFIED) {
            throw Refusal.rule("result-already-verified", "resultId");
        }
        if (result.status() == ResultStatus.CLAIMED) {
            throw Refusal.rule("result-not-attested", "resultId");
        }
        requireStatus(result, ResultStatus.ATTESTED);
        record(centerId, new ResultVerified(id, command.resultId()));
    }

    @CommandHandler
    void handle(RejectResult command, MetaData metaData) {
        requireDirector(metaData);
        requireStatus(result(command.resultId()), ResultStatus.CLAIMED, ResultStatus.ATTESTED);
        record(centerId, new ResultRejected(id, command.resultId(), command.reason()));
    }

    @CommandHandler
    void handle(WithdrawResult command, MetaData metaData) {
        requireCaseWorker(metaData);
        ResultState result = result(command.resultId());
        if (result.status() == ResultStatus.VERIFIED) {
            throw Refusal.rule("result-verified", "resultId");
        }
        requireStatus(result, ResultStatus.CLAIMED, ResultStatus.ATTESTED);
        record(centerId, new ResultWithdrawn(id, command.resultId(), command.reason()));
    }

    @CommandHandler
    void handle(ReopenResult command, MetaData metaData) {
        requireDirector(metaData);
        requireStatus(result(command.resultId()), ResultStatus.VERIFIED, ResultStatus.REJECTED);
        record(centerId, new ResultReopened(id, command.resultId(), command.reason()));
    }

    private ResultState result(ResultId result) {
        ResultState state = results.get(result.value());
        if (state == null) {
            throw Refusal.notFound("result-not-found", result);
        }
        return state;
    }

    private static void requireStatus(ResultState result, ResultStatus... allowed) {
        for (ResultStatus status : allowed) {
            if (result.status() == status) {
                return;
            }
        }
        throw Refusal.rule("result-not-open", "resultId", result.status().name().toLowerCase(Locale.ROOT));
    }

    private ResultReported reported(ResultId result, ResultDetails details) {
        if (details instanceof ResultDetails.Financing f) {
            return new FinancingObtained(id, result, f.instrument(), f.source(), f.amount(), f.dateObtained());
        }
        if (details instanceof ResultDetails.Jobs j) {
            return new JobsReported(id, result, j.date(), j.fullTimeCreated(), j.partTimeCreated(), j.retained());
        }
        if (details instanceof ResultDetails.SalesIncrease s) {
            return new SalesIncreaseReported(id, result, s.periodStart(), s.periodEnd(), s.baselineSales(),
                    s.newSales());
        }
        if (details instanceof ResultDetails.BusinessStart b) {
            return new BusinessStartReported(id, result, b.date(), b.registrationNumber());
        }
        ResultDetails.Formalization f = (ResultDetails.Formalization) details;
        return new FormalizationReported(id, result, f.date(), f.registrationKind());
    }

    static String kindOf(ResultDetails details) {
        return details.kind();
    }

    // ---- a history brought across from a legacy system ------------------------------------------------

    /**
     * Opens the engagement with its whole legacy history, or adds the rows it does not have yet: the
     * intake, sessions and results are decided by the rules of the commands that record them one by one;
     * the evidence states the legacy system gave the results, and its closure, follow. Every event carries
     * the batch, the legacy system and its row's legacy id, and the administrator who ran the import as
     * its actor. Only an administrator imports; the import answers to no center.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ImportEngagementHistory.Outcome handle(ImportEngagementHistory command, MetaData metaData,
                                                  ReferenceData reference, EnterpriseIdentities identities, Clock clock) {
        Access.require(metaData, Role.ADMIN);
        Imported provenance = command.provenance();
        boolean opened = id == null;
        if (opened) {
            open(command.intake(), reference, identities, clock, provenance.metaData(), command.closure() == null);
        } else if (revoked) {
            return new ImportEngagementHistory.Outcome(false, List.of(), List.of(), command.sessions().size(),
                    command.results().size(), false, true);
        }
        List<String> sessionIds = new ArrayList<>();
        for (ImportEngagementHistory.ImportedSession row : command.sessions()) {
            if (!sessionsVoided.containsKey(row.session().sessionId().value())) {
                requireStillOpen();
                logSession(row.session(), clock, provenance.row(row.legacyId()).metaData());
                sessionIds.add(row.session().sessionId().value());
            }
        }
        List<String> resultIds = new ArrayList<>();
        for (ImportEngagementHistory.ImportedResult row : command.results()) {
            if (!results.containsKey(row.report().resultId().value())) {
                requireStillOpen();
                importResult(row, provenance.row(row.legacyId()).metaData(), clock);
                resultIds.add(row.report().resultId().value());
            }
        }
        boolean closed = false;
        if (command.closure() != null && open) {
            BusinessDates.withinEngagement("closedDate", command.closure().date(), intakeDate, clock);
            close(command.closure().reason(), null, identities, withDate(provenance.metaData(), command.closure().date()));
            closed = true;
        }
        return new ImportEngagementHistory.Outcome(opened, sessionIds, resultIds,
                command.sessions().size() - sessionIds.size(), command.results().size() - resultIds.size(), closed, false);
    }

    /** A result with the evidence state the legacy system gave it, through the lifecycle's own steps. */
    private void importResult(ImportEngagementHistory.ImportedResult row, Map<String, String> metaData, Clock clock) {
        ReportResult report = row.report();
        ResultRules.check(report.details(), intakeDate, clock);
        record(centerId, reported(report.resultId(), report.details()), metaData);
        ImportEngagementHistory.LegacyEvidence evidence = row.evidence();
        String legacy = "legacy system: " + metaData.get(Imported.SYSTEM);
        switch (evidence.state()) {
            case CLAIMED -> {
            }
            case ATTESTED, VERIFIED -> {
                LocalDate verified = evidence.verification() == null ? null : evidence.verification().date();
                if (verified != null) {
                    BusinessDates.withinEngagement("verifiedDate", verified, intakeDate, clock);
                }
                // The files do not date the attestation: it is dated when the legacy system verified
                // the result, else on the result's own date.
                record(centerId, new ResultAttested(id, report.resultId(), AttestationMethod.LEGACY_RECORD,
                        evidence.evidenceRef(), evidence.evidenceSha256(),
                        verified != null ? verified : report.details().date()), metaData);
                if (evidence.state() == ResultStatus.VERIFIED) {
                    Map<String, String> verification = new HashMap<>(metaData);
                    verification.putAll(evidence.verification().metaData());
                    record(centerId, new ResultVerified(id, report.resultId()), verification);
                }
            }
            case REJECTED -> record(centerId, new ResultRejected(id, report.resultId(), "Rejected in the " + legacy),
                    metaData);
            case WITHDRAWN -> record(centerId, new ResultWithdrawn(id, report.resultId(), "Withdrawn in the " + legacy),
                    metaData);
            default -> throw new IllegalStateException(evidence.state().name());
        }
    }

    /**
     * Takes back what an import batch brought in: the engagement it opened is closed as imported in error
     * and leaves every figure, its events stay in the audit history; sessions and results it added to an
     * engagement opened before are voided and withdrawn.
     */
    @CommandHandler
    void handle(ImportEngagementHistory.RevokeImport command, MetaData metaData, EnterpriseIdentities identities) {
        Access.require(metaData, Role.ADMIN);
        if (revoked) {
            return;
        }
        String reason = "Imported in error: import batch " + command.batchId() + " was revoked";
        if (command.batchId().equals(importBatch)) {
            // Closed again if the legacy system had closed it: the reason is what takes it out of the figures.
            close(ClosureReason.IMPORTED_IN_ERROR, reason, identities, Map.of());
            return;
        }
        for (String session : command.sessionIds()) {
            if (Boolean.FALSE.equals(sessionsVoided.get(session))) {
                record(centerId, new CounselingSessionVoided(id, new SessionId(session), reason));
            }
        }
        for (String result : command.resultIds()) {
            ResultState state = results.get(result);
            if (state != null && state.status().isClaimed()) {
                record(centerId, new ResultWithdrawn(id, new ResultId(result), reason));
            }
        }
    }

    private static Map<String, String> withDate(Map<String, String> metaData, LocalDate date) {
        Map<String, String> dated = new HashMap<>(metaData);
        dated.put(Imported.LEGACY_DATE, date.toString());
        return dated;
    }

    // ---- personal data -----------------------------------------------------------------------------

    /**
     * Erases the client's personal data: the key that sealed it is deleted in this command's transaction,
     * and the event says so. Counts, hours and amounts stay; the engagement goes on, and any personal value
     * recorded later is stored as erased.
     */
    @CommandHandler
    void handle(ErasePersonalData command, MetaData metaData, PersonalDataKeys keys, EnterpriseIdentities identities) {
        if (!Access.require(metaData, Role.ADMIN, Role.DIRECTOR).has(Role.ADMIN)
                && !caseWorker(metaData).has(Role.DIRECTOR)) {
            throw new Refusal(RefusalKind.FORBIDDEN, "director-only", null);
        }
        if (personalDataErased) {
            throw Refusal.rule("personal-data-erased-already", null);
        }
        keys.erase(id.value());
        // The claim holds the tax id in the clear; the enterprise can no longer be told apart from others.
        identities.forget(id);
        record(centerId, new PersonalDataErased(id, command.reason()));
    }

    // ---- who may act -----------------------------------------------------------------------------

    /** A counselor or director of this engagement's center; anyone else is told it does not exist. */
    private Actor caseWorker(MetaData metaData) {
        return Access.requireCenter(metaData, centerId, Refusal.notFound("engagement-not-found", id), CASE_WORKERS);
    }

    /** The same, for a change: an engagement whose import was revoked takes no more changes. */
    private Actor requireCaseWorker(MetaData metaData) {
        Actor actor = caseWorker(metaData);
        if (revoked) {
            throw Refusal.rule("engagement-revoked", null, importBatch);
        }
        return actor;
    }

    private void requireOpen(MetaData metaData) {
        requireCaseWorker(metaData);
        requireStillOpen();
    }

    private void requireStillOpen() {
        if (!open) {
            throw Refusal.rule("engagement-closed", null);
        }
    }

    private void requireDirector(MetaData metaData) {
        if (!requireCaseWorker(metaData).has(Role.DIRECTOR)) {
            throw new Refusal(RefusalKind.FORBIDDEN, "director-only", null);
        }
    }

    /** A tax id as the identity table keys it: without spaces, dots, dashes and slashes, in capitals. */
    public static String normalizedTaxId(String taxId) {
        return taxId == null ? null : taxId.replaceAll("[\\s.\\-/]", "").toUpperCase(Locale.ROOT);
    }

    /** Applies the event, noting the center it was done for: figures are credited to that center. */
    private static void record(CenterId center, EngagementEvent event) {
        record(center, event, Map.of());
    }

    /** The same, with more metadata (where an imported event came from). */
    private static void record(CenterId center, EngagementEvent event, Map<String, String> metaData) {
        apply(event, MetaData.from(metaData).and(Access.CENTER_ID, center.value()));
    }

    // ---- what decisions remember ------------------------------------------------------------------

    @EventSourcingHandler
    void on(EngagementOpened event, MetaData metaData) {
        importBatch = Imported.of(metaData).map(Imported::batchId).orElse(null);
        id = event.engagementId();
        centerId = event.centerId();
        counselorId = event.counselorId();
        intakeDate = event.intakeDate();
        open = true;
        country = event.enterprise().country();
        taxId = normalizedTaxId(event.enterprise().taxId());
    }

    @EventSourcingHandler
    void on(CounselorAssigned event) {
        counselorId = event.counselorId();
    }

    @EventSourcingHandler
    void on(EngagementTransferred event) {
        centerId = event.toCenterId();
        counselorId = event.counselorId();
        lastTransferDate = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(EngagementClosed event) {
        open = false;
        revoked = revoked || event.reason() == ClosureReason.IMPORTED_IN_ERROR;
    }

    @EventSourcingHandler
    void on(EngagementReopened event) {
        open = true;
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        personalDataErased = true;
        taxId = null;
    }

    @EventSourcingHandler
    void on(CounselingSessionLogged event) {
        sessionsVoided.put(event.sessionId().value(), false);
    }

    @EventSourcingHandler
    void on(CounselingSessionVoided event) {
        sessionsVoided.put(event.sessionId().value(), true);
    }

    @EventSourcingHandler
    void on(ResultReported event) {
        results.put(event.resultId().value(), new ResultState(kindOf(event.details()), ResultStatus.CLAIMED, false));
    }

    @EventSourcingHandler
    void on(ResultCorrected event) {
        results.computeIfPresent(event.resultId().value(), (key, result) -> result.with(ResultStatus.CLAIMED));
    }

    @EventSourcingHandler
    void on(ResultAttested event) {
        results.computeIfPresent(event.resultId().value(), (key, result) -> result.with(ResultStatus.ATTESTED));
    }

    @EventSourcingHandler
    void on(ResultVerified event) {
        results.computeIfPresent(event.resultId().value(), (key, result) -> result.with(ResultStatus.VERIFIED));
    }

    @EventSourcingHandler
    void on(ResultRejected event) {
        results.computeIfPresent(event.resultId().value(), (key, result) -> result.with(ResultStatus.REJECTED));
    }

    @EventSourcingHandler
    void on(ResultWithdrawn event) {
        results.computeIfPresent(event.resultId().value(), (key, result) -> result.with(ResultStatus.WITHDRAWN));
    }

    @EventSourcingHandler
    void on(ResultReopened event) {
        results.computeIfPresent(event.resultId().value(), (key, result) ->
                result.with(result.attested() ? ResultStatus.ATTESTED : ResultStatus.CLAIMED));
    }
}
