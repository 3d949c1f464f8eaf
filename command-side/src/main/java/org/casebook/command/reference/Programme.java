package org.casebook.command.reference;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Objects;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.casebook.command.Access;
import org.casebook.shared.actor.Role;
import org.casebook.shared.event.ProgrammeDefined;
import org.casebook.shared.id.ProgrammeCode;

/** A funding programme as reference data: defined, and redefined, by an administrator. */
@Aggregate
public class Programme {

    @AggregateIdentifier
    private String id;
    private ProgrammeDefined current;

    protected Programme() {
        // for Axon
    }

    static String aggregateId(ProgrammeCode code) {
        return "programme:" + code.value();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DefineProgramme command, MetaData metaData) {
        Access.require(metaData, Role.ADMIN);
        ProgrammeDefined definition = new ProgrammeDefined(command.code(), command.name(), command.funder());
        if (!Objects.equals(definition, current)) {
            apply(definition);
        }
    }

    @EventSourcingHandler
    void on(ProgrammeDefined event) {
        id = aggregateId(event.code());
        current = event;
    }
}
