package org.casebook.command.web;

import java.util.UUID;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.refusal.Refusal;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Sends a command for an engagement and waits for it to be stored, then tells where its events sit in
 * the global stream. Translates what the framework says into refusals a counselor understands.
 */
@Component
public class CommandDispatcher {

    /** The metadata key (and log key) of the request's correlation id, which every event carries. */
    public static final String CORRELATION_ID = "correlationId";

    private final CommandGateway commands;
    private final EventPositions positions;

    public CommandDispatcher(CommandGateway commands, EventPositions positions) {
        this.commands = commands;
        this.positions = positions;
    }

    /** The outcome of a stored command: what the handler answered and the position of the engagement's last event. */
    public record Dispatched<R>(R result, long position) {
    }

    public <R> Dispatched<R> send(EngagementId engagementId, Object command) {
        R result;
        try {
            result = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(MetaData.with(CORRELATION_ID, correlationId())));
        } catch (AggregateNotFoundException e) {
            throw Refusal.notFound("engagement-not-found", engagementId);
        } catch (ConcurrencyException | AggregateStreamCreationException e) {
            throw Refusal.conflict("concurrent-change", engagementId);
        } catch (CommandExecutionException e) {
            throw e.getCause() instanceof Refusal refusal ? refusal : e;
        }
        return new Dispatched<>(result, positions.lastPositionOf(engagementId));
    }

    private static String correlationId() {
        String id = MDC.get(CORRELATION_ID);
        return id != null ? id : UUID.randomUUID().toString();
    }
}
