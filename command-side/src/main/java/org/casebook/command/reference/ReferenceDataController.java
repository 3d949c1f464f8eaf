package org.casebook.command.reference;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.casebook.command.web.CommandDispatcher;
import org.casebook.command.web.EngagementCommandController;
import org.casebook.shared.actor.Actor;
import org.casebook.shared.actor.Role;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.ProgrammeCode;
import org.casebook.shared.refusal.Refusal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators define the centers and funding programmes every other rule stands on. */
@RestController
@RequestMapping(path = "/api/admin", consumes = "application/json", produces = "application/json")
public class ReferenceDataController {

    private final CommandDispatcher dispatcher;

    public ReferenceDataController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public record CenterRequest(String name, String country) {
    }

    public record ProgrammeRequest(String name, String funder) {
    }

    @PutMapping("/centers/{centerId}")
    public ResponseEntity<Map<String, String>> defineCenter(Actor actor, @PathVariable CenterId centerId,
                                                            @RequestBody CenterRequest request) {
        DefineCenter command = new DefineCenter(centerId, request.name(), request.country());
        return defined(actor, command.aggregateId(), command,
                Map.of("centerId", centerId.value(), "name", command.name(), "country", command.country()));
    }

    public record RateRequest(BigDecimal usdPerUnit) {
    }

    /** The US$ value of one unit of the currency in the month ({@code YYYY-MM}). */
    @PutMapping("/exchange-rates/{currency}/{month}")
    public ResponseEntity<Map<String, String>> setExchangeRate(Actor actor, @PathVariable String currency,
                                                               @PathVariable String month,
                                                               @RequestBody RateRequest request) {
        YearMonth parsed;
        try {
            parsed = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("field-invalid", "month", "YYYY-MM");
        }
        SetExchangeRate command = new SetExchangeRate(currency, parsed, request.usdPerUnit());
        return defined(actor, command.aggregateId(), command, Map.of("currency", currency,
                "month", parsed.toString(), "usdPerUnit", command.usdPerUnit().toPlainString()));
    }

    @PutMapping("/programmes/{code}")
    public ResponseEntity<Map<String, String>> defineProgramme(Actor actor, @PathVariable ProgrammeCode code,
                                                               @RequestBody ProgrammeRequest request) {
        DefineProgramme command = new DefineProgramme(code, request.name(), request.funder());
        return defined(actor, command.aggregateId(), command,
                Map.of("code", code.value(), "name", command.name(), "funder", command.funder()));
    }

    /** Sends the definition as the administrator; answers the definition and the position of its event. */
    private ResponseEntity<Map<String, String>> defined(Actor actor, String aggregateId, Object command,
                                                        Map<String, String> body) {
        var dispatched = dispatcher.send(actor, aggregateId, command, Role.ADMIN);
        return ResponseEntity.ok()
                .header(EngagementCommandController.POSITION_HEADER, Long.toString(dispatched.position()))
                .body(body);
    }
}
