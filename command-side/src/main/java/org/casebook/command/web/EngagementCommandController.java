package org.casebook.command.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.casebook.command.engagement.Commands.AssignCounselor;
import org.casebook.command.engagement.Commands.AttestResult;
import org.casebook.command.engagement.Commands.CloseEngagement;
import org.casebook.command.engagement.Commands.CorrectCounselingSession;
import org.casebook.command.engagement.Commands.CorrectResult;
import org.casebook.command.engagement.Commands.RejectResult;
import org.casebook.command.engagement.Commands.ErasePersonalData;
import org.casebook.command.engagement.Commands.ReopenEngagement;
import org.casebook.command.engagement.Commands.ReopenResult;
import org.casebook.command.engagement.Commands.ReportResult;
import org.casebook.command.engagement.Commands.TransferEngagement;
import org.casebook.command.engagement.Commands.VerifyResult;
import org.casebook.command.engagement.Commands.VoidCounselingSession;
import org.casebook.command.engagement.Commands.WithdrawResult;
import org.casebook.command.engagement.LogCounselingSession;
import org.casebook.command.engagement.OpenEngagement;
import org.casebook.shared.actor.Actor;
import org.casebook.shared.actor.Role;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.CounselorId;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ProgrammeCode;
import org.casebook.shared.id.ResultId;
import org.casebook.shared.id.SessionId;
import org.casebook.shared.refusal.Refusal;
import org.casebook.shared.value.AttestationMethod;
import org.casebook.shared.value.Baseline;
import org.casebook.shared.value.ClosureReason;
import org.casebook.shared.value.Consents;
import org.casebook.shared.value.Contact;
import org.casebook.shared.value.Enterprise;
import org.casebook.shared.value.FinancingInstrument;
import org.casebook.shared.value.Money;
import org.casebook.shared.value.Owner;
import org.casebook.shared.value.ResultDetails;
import org.casebook.shared.value.SessionType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The writes of an engagement, as the API contract fixes them. Ids are made here, never by clients.
 * Every answer carries {@code Casebook-Position}: the global position of the engagement's last event.
 */
@RestController
@RequestMapping(path = "/api/engagements", consumes = "application/json", produces = "application/json")
public class EngagementCommandController {

    /** The response header that carries the global position of a write's last event. */
    public static final String POSITION_HEADER = "Casebook-Position";

    /** Counselors record in their engagements; directors may too. */
    private static final Role[] CASE_WORKERS = {Role.COUNSELOR, Role.DIRECTOR};

    private final CommandDispatcher dispatcher;
    private final ObjectMapper json;

    public EngagementCommandController(CommandDispatcher dispatcher, ObjectMapper json) {
        this.dispatcher = dispatcher;
        this.json = json;
    }

    public record IntakeRequest(CenterId centerId, CounselorId counselorId, LocalDate intakeDate,
                                Enterprise enterprise, Owner owner, Contact contact, String referralSource,
                                Consents consents, Baseline baseline, List<ProgrammeCode> programmes,
                                List<String> needs) {
    }

    /** A session; as a correction, with the reason for it. */
    public record SessionRequest(LocalDate date, CounselorId counselorId, SessionType type, String area,
                                 Integer contactMinutes, Integer prepMinutes, Integer travelMinutes,
                                 ProgrammeCode programme, String notes, Integer participants, String reason) {

        LogCounselingSession toCommand(EngagementId engagement, SessionId session) {
            return new LogCounselingSession(engagement, session, date, counselorId, type, area, contactMinutes,
                    prepMinutes, travelMinutes, programme, notes, participants);
        }
    }

    public record ReasonRequest(String reason) {
    }

    public record FinancingRequest(FinancingInstrument instrument, String source, Money amount, LocalDate dateObtained) {
    }

    public record JobsRequest(LocalDate date, Integer fullTimeCreated, Integer partTimeCreated, Integer retained) {
    }

    public record SalesIncreaseRequest(LocalDate periodStart, LocalDate periodEnd, Money baselineSales, Money newSales) {
    }

    public record BusinessStartRequest(LocalDate date, String registrationNumber) {
    }

    public record FormalizationRequest(LocalDate date, String registrationKind) {
    }

    public record AttestationRequest(AttestationMethod method, String evidenceRef, String evidenceSha256,
                                     LocalDate date) {
    }

    public record TransferRequest(CenterId toCenterId, CounselorId counselorId, LocalDate effectiveDate) {
    }

    public record CloseRequest(ClosureReason reason, String note) {
    }

    public record CounselorRequest(CounselorId counselorId) {
    }

    // ---- intake and the engagement's life -------------------------------------------------------

    @PostMapping
    public ResponseEntity<Map<String, String>> open(Actor actor, @RequestBody IntakeRequest request) {
        EngagementId id = EngagementId.random();
        long position = send(actor, id, new OpenEngagement(id, request.centerId(), request.counselorId(),
                request.intakeDate(), request.enterprise(), request.owner(), request.contact(),
                request.referralSource(), request.consents(), request.baseline(), request.programmes(),
                request.needs()));
        return created(id, position, Map.of("id", id.value()));
    }

    @PostMapping("/{id}/counselor")
    public ResponseEntity<Map<String, String>> assign(Actor actor, @PathVariable EngagementId id,
                                                      @RequestBody CounselorRequest request) {
        return done(id, send(actor, id, new AssignCounselor(id, request.counselorId())));
    }

    @PostMapping("/{id}/transfer")
    public ResponseEntity<Map<String, String>> transfer(Actor actor, @PathVariable EngagementId id,
                                                        @RequestBody TransferRequest request) {
        return done(id, send(actor, id, new TransferEngagement(id, request.toCenterId(), request.counselorId(),
                request.effectiveDate())));
    }

    @PostMapping("/{id}/close")
    public ResponseEntity<Map<String, String>> close(Actor actor, @PathVariable EngagementId id,
                                                     @RequestBody CloseRequest request) {
        return done(id, send(actor, id, new CloseEngagement(id, request.reason(), request.note())));
    }

    @PostMapping("/{id}/reopen")
    public ResponseEntity<Map<String, String>> reopen(Actor actor, @PathVariable EngagementId id,
                                                      @RequestBody ReasonRequest request) {
        return done(id, send(actor, id, new ReopenEngagement(id, request.reason())));
    }

    // ---- counseling sessions ---------------------------------------------------------------------

    @PostMapping("/{id}/sessions")
    public ResponseEntity<Map<String, String>> logSession(Actor actor, @PathVariable EngagementId id,
                                                          @RequestBody SessionRequest request) {
        SessionId sessionId = SessionId.random();
        long position = send(actor, id, request.toCommand(id, sessionId));
        return created(id, position, Map.of("sessionId", sessionId.value()));
    }

    @PostMapping("/{id}/sessions/{sessionId}/correction")
    public ResponseEntity<Map<String, String>> correctSession(Actor actor, @PathVariable EngagementId id,
                                                              @PathVariable SessionId sessionId,
                                                              @RequestBody SessionRequest request) {
        return done(id, send(actor, id, new CorrectCounselingSession(id, sessionId, request.toCommand(id, sessionId),
                request.reason())));
    }

    @PostMapping("/{id}/sessions/{sessionId}/void")
    public ResponseEntity<Map<String, String>> voidSession(Actor actor, @PathVariable EngagementId id,
                                                           @PathVariable SessionId sessionId,
                                                           @RequestBody ReasonRequest request) {
        return done(id, send(actor, id, new VoidCounselingSession(id, sessionId, request.reason())));
    }

    // ---- results ---------------------------------------------------------------------------------

    @PostMapping("/{id}/financing")
    public ResponseEntity<Map<String, String>> financing(Actor actor, @PathVariable EngagementId id,
                                                         @RequestBody FinancingRequest request) {
        return report(actor, id, new ResultDetails.Financing(request.instrument(), request.source(), request.amount(),
                request.dateObtained()));
    }

    @PostMapping("/{id}/jobs")
    public ResponseEntity<Map<String, String>> jobs(Actor actor, @PathVariable EngagementId id,
                                                    @RequestBody JobsRequest request) {
        return report(actor, id, new ResultDetails.Jobs(request.date(), orZero(request.fullTimeCreated()),
                orZero(request.partTimeCreated()), orZero(request.retained())));
    }

    @PostMapping("/{id}/sales-increases")
    public ResponseEntity<Map<String, String>> salesIncrease(Actor actor, @PathVariable EngagementId id,
                                                             @RequestBody SalesIncreaseRequest request) {
        return report(actor, id, new ResultDetails.SalesIncrease(request.periodStart(), request.periodEnd(),
                request.baselineSales(), request.newSales()));
    }

    @PostMapping("/{id}/business-starts")
    public ResponseEntity<Map<String, String>> businessStart(Actor actor, @PathVariable EngagementId id,
                                                             @RequestBody BusinessStartRequest request) {
        return report(actor, id, new ResultDetails.BusinessStart(request.date(), request.registrationNumber()));
    }

    @PostMapping("/{id}/formalizations")
    public ResponseEntity<Map<String, String>> formalization(Actor actor, @PathVariable EngagementId id,
                                                             @RequestBody FormalizationRequest request) {
        return report(actor, id, new ResultDetails.Formalization(request.date(), request.registrationKind()));
    }

    /**
     * A result's new values, all of them, in the form of its kind ({@code "kind": "JOBS"} with the
     * fields of a jobs result, and so on), with the reason for the correction.
     */
    @PostMapping("/{id}/results/{resultId}/correction")
    public ResponseEntity<Map<String, String>> correctResult(Actor actor, @PathVariable EngagementId id,
                                                             @PathVariable ResultId resultId,
                                                             @RequestBody ObjectNode request) {
        String reason = request.hasNonNull("reason") ? request.get("reason").asText() : null;
        ObjectNode values = request.deepCopy();
        values.remove("reason");
        ResultDetails details;
        try {
            details = json.treeToValue(values, ResultDetails.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw Refusal.invalid("field-invalid", "kind",
                    "one of FINANCING, JOBS, SALES_INCREASE, BUSINESS_START, FORMALIZATION, with its fields");
        }
        return done(id, send(actor, id, new CorrectResult(id, resultId, details, reason)));
    }

    @PostMapping("/{id}/results/{resultId}/attestation")
    public ResponseEntity<Map<String, String>> attest(Actor actor, @PathVariable EngagementId id,
                                                      @PathVariable ResultId resultId,
                                                      @RequestBody AttestationRequest request) {
        return done(id, send(actor, id, new AttestResult(id, resultId, request.method(), request.evidenceRef(),
                request.evidenceSha256(), request.date())));
    }

    @PostMapping("/{id}/results/{resultId}/verification")
    public ResponseEntity<Map<String, String>> verify(Actor actor, @PathVariable EngagementId id,
                                                      @PathVariable ResultId resultId) {
        return done(id, send(actor, id, new VerifyResult(id, resultId)));
    }

    @PostMapping("/{id}/results/{resultId}/rejection")
    public ResponseEntity<Map<String, String>> reject(Actor actor, @PathVariable EngagementId id,
                                                      @PathVariable ResultId resultId,
                                                      @RequestBody ReasonRequest request) {
        return done(id, send(actor, id, new RejectResult(id, resultId, request.reason())));
    }

    @PostMapping("/{id}/results/{resultId}/withdrawal")
    public ResponseEntity<Map<String, String>> withdraw(Actor actor, @PathVariable EngagementId id,
                                                        @PathVariable ResultId resultId,
                                                        @RequestBody ReasonRequest request) {
        return done(id, send(actor, id, new WithdrawResult(id, resultId, request.reason())));
    }

    @PostMapping("/{id}/results/{resultId}/reopening")
    public ResponseEntity<Map<String, String>> reopenResult(Actor actor, @PathVariable EngagementId id,
                                                            @PathVariable ResultId resultId,
                                                            @RequestBody ReasonRequest request) {
        return done(id, send(actor, id, new ReopenResult(id, resultId, request.reason())));
    }

    // ---- personal data -----------------------------------------------------------------------------

    @PostMapping("/{id}/personal-data/erasure")
    public ResponseEntity<Map<String, String>> erasePersonalData(Actor actor, @PathVariable EngagementId id,
                                                                 @RequestBody ReasonRequest request) {
        return done(id, dispatcher.send(actor, id.value(), new ErasePersonalData(id, request.reason()),
                Role.ADMIN, Role.DIRECTOR).position());
    }

    private ResponseEntity<Map<String, String>> report(Actor actor, EngagementId id, ResultDetails details) {
        ResultId resultId = ResultId.random();
        long position = send(actor, id, new ReportResult(id, resultId, details));
        return created(id, position, Map.of("resultId", resultId.value()));
    }

    private long send(Actor actor, EngagementId id, Object command) {
        return dispatcher.send(actor, id.value(), command, CASE_WORKERS).position();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static ResponseEntity<Map<String, String>> created(EngagementId id, long position,
                                                               Map<String, String> body) {
        return ResponseEntity.created(URI.create("/api/engagements/" + id.value()))
                .header(POSITION_HEADER, Long.toString(position))
                .body(body);
    }

    private static ResponseEntity<Map<String, String>> done(EngagementId id, long position) {
        return ResponseEntity.ok().header(POSITION_HEADER, Long.toString(position))
                .body(Map.of("engagementId", id.value()));
    }
}
