package org.casebook.command.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.casebook.command.engagement.LogCounselingSession;
import org.casebook.command.engagement.OpenEngagement;
import org.casebook.command.engagement.RecordFinancing;
import org.casebook.shared.actor.Actor;
import org.casebook.shared.actor.Role;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.CounselorId;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ProgrammeCode;
import org.casebook.shared.id.ResultId;
import org.casebook.shared.id.SessionId;
import org.casebook.shared.value.Baseline;
import org.casebook.shared.value.Consents;
import org.casebook.shared.value.Contact;
import org.casebook.shared.value.Enterprise;
import org.casebook.shared.value.FinancingInstrument;
import org.casebook.shared.value.Money;
import org.casebook.shared.value.Owner;
import org.casebook.shared.value.SessionType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The writes of an engagement, as the API contract fixes them. Ids are made here, never by clients. */
@RestController
@RequestMapping(path = "/api/engagements", consumes = "application/json", produces = "application/json")
public class EngagementCommandController {

    /** The response header that carries the global position of a write's last event. */
    public static final String POSITION_HEADER = "Casebook-Position";

    /** Counselors record in their engagements; directors may too. */
    private static final Role[] CASE_WORKERS = {Role.COUNSELOR, Role.DIRECTOR};

    private final CommandDispatcher dispatcher;

    public EngagementCommandController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public record IntakeRequest(CenterId centerId, CounselorId counselorId, LocalDate intakeDate,
                                Enterprise enterprise, Owner owner, Contact contact, String referralSource,
                                Consents consents, Baseline baseline, List<ProgrammeCode> programmes,
                                List<String> needs) {
    }

    public record SessionRequest(LocalDate date, CounselorId counselorId, SessionType type, String area,
                                 Integer contactMinutes, Integer prepMinutes, Integer travelMinutes,
                                 ProgrammeCode programme, String notes) {
    }

    public record FinancingRequest(FinancingInstrument instrument, String source, Money amount,
                                   LocalDate dateObtained) {
    }

    @PostMapping
    public ResponseEntity<Map<String, String>> open(Actor actor, @RequestBody IntakeRequest request) {
        EngagementId id = EngagementId.random();
        var dispatched = dispatcher.send(actor, id.value(), new OpenEngagement(id, request.centerId(), request.counselorId(),
                request.intakeDate(), request.enterprise(), request.owner(), request.contact(),
                request.referralSource(), request.consents(), request.baseline(), request.programmes(),
                request.needs()), CASE_WORKERS);
        return created(id, dispatched.position(), Map.of("id", id.value()));
    }

    @PostMapping("/{id}/sessions")
    public ResponseEntity<Map<String, String>> logSession(Actor actor, @PathVariable EngagementId id,
                                                          @RequestBody SessionRequest request) {
        SessionId sessionId = SessionId.random();
        var dispatched = dispatcher.send(actor, id.value(), new LogCounselingSession(id, sessionId, request.date(),
                request.counselorId(), request.type(), request.area(), request.contactMinutes(),
                request.prepMinutes(), request.travelMinutes(), request.programme(), request.notes()), CASE_WORKERS);
        return created(id, dispatched.position(), Map.of("sessionId", sessionId.value()));
    }

    @PostMapping("/{id}/financing")
    public ResponseEntity<Map<String, String>> recordFinancing(Actor actor, @PathVariable EngagementId id,
                                                               @RequestBody FinancingRequest request) {
        ResultId resultId = ResultId.random();
        var dispatched = dispatcher.send(actor, id.value(), new RecordFinancing(id, resultId, request.instrument(),
                request.source(), request.amount(), request.dateObtained()), CASE_WORKERS);
        return created(id, dispatched.position(), Map.of("resultId", resultId.value()));
    }

    private static ResponseEntity<Map<String, String>> created(EngagementId id, long position,
                                                               Map<String, String> body) {
        return ResponseEntity.created(URI.create("/api/engagements/" + id.value()))
                .header(POSITION_HEADER, Long.toString(position))
                .body(body);
    }
}
