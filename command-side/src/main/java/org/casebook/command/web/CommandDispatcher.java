package org.casebook.command.web;

import java.util.UUID;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.casebook.shared.actor.Actor;
import org.casebook.shared.actor.Role;
import org.casebook.shared.refusal.Refusal;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Sends a command on behalf of an actor and waits for it to be stored, then tells where its events
 * sit in the global stream. Translates what the framework says into refusals a counselor understands.
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

    /** The outcome of a stored command: what the handler answered and the position of the aggregate's last event. */
    public record Dispatched<R>(R result, long position) {
    }

    /**
     * @param aggregateId the aggregate the command is for, to find its last event and to name it when
     *                    it does not exist
     * @param roles       the roles the actor may act in here, in order of preference
     */
    public <R> Dispatched<R> send(Actor actor, String aggregateId, Object command, Role... roles) {
        MetaData metaData = MetaData.from(actor.toMetaData(roles)).and(CORRELATION_ID, correlationId());
        R result;
        try {
            result = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        } catch (AggregateNotFoundException e) {
            throw Refusal.notFound("engagement-not-found", aggregateId);
        } catch (ConcurrencyException | AggregateStreamCreationException e) {
            throw Refusal.conflict("concurrent-change", aggregateId);
        } catch (CommandExecutionException e) {
            throw e.getCause() instanceof Refusal refusal ? refusal : e;
        }
        return new Dispatched<>(result, positions.lastPositionOf(aggregateId));
    }

    private static String correlationId() {
        String id = MDC.get(CORRELATION_ID);
        return id != null ? id : UUID.randomUUID().toString();
    }
}
