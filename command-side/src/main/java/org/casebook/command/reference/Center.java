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
import org.casebook.shared.event.CenterDefined;
import org.casebook.shared.id.CenterId;

/** A service center as reference data: defined, and redefined, by an administrator. */
@Aggregate
public class Center {

    @AggregateIdentifier
    private String id;
    private CenterDefined current;

    protected Center() {
        // for Axon
    }

    static String aggregateId(CenterId center) {
        return "center:" + center.value();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DefineCenter command, MetaData metaData) {
        Access.require(metaData, Role.ADMIN);
        CenterDefined definition = new CenterDefined(command.centerId(), command.name(), command.country());
        if (!Objects.equals(definition, current)) {
            apply(definition, MetaData.with(Access.CENTER_ID, command.centerId().value()));
        }
    }

    @EventSourcingHandler
    void on(CenterDefined event) {
        id = aggregateId(event.centerId());
        current = event;
    }
}
