package org.casebook.command.reference;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.YearMonth;
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
import org.casebook.shared.event.ExchangeRateSet;
import org.casebook.shared.event.ProgrammeDefined;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.ProgrammeCode;

/**
 * One entry of reference data (a center, a funding programme, a month's exchange rate), defined and redefined by
 * administrators, with its history in the event store like everything else. Its identifier says what
 * kind of entry it is ({@code center:HN-TGU-01}, {@code programme:DINAMICA}), which also keeps it
 * apart from engagements in the store. A definition that changes nothing records nothing.
 */
@Aggregate
public class ReferenceEntry {

    @AggregateIdentifier
    private String id;
    private Object definition;

    protected ReferenceEntry() {
        // for Axon
    }

    static String idOf(CenterId center) {
        return "center:" + center.value();
    }

    static String idOf(ProgrammeCode programme) {
        return "programme:" + programme.value();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DefineCenter command, MetaData metaData) {
        define(new CenterDefined(command.centerId(), command.name(), command.country()), metaData,
                MetaData.with(Access.CENTER_ID, command.centerId().value()));
    }

    static String idOf(String currency, YearMonth month) {
        return "rate:" + currency + ":" + month;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetExchangeRate command, MetaData metaData) {
        // Compared without trailing zeros: 0.0405 and 0.04050 are the same rate.
        define(new ExchangeRateSet(command.currency(), command.month(), command.usdPerUnit().stripTrailingZeros()),
                metaData, MetaData.emptyInstance());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DefineProgramme command, MetaData metaData) {
        define(new ProgrammeDefined(command.code(), command.name(), command.funder()), metaData, MetaData.emptyInstance());
    }

    private void define(Object next, MetaData command, MetaData event) {
        Access.require(command, Role.ADMIN);
        if (!Objects.equals(next, definition)) {
            apply(next, event);
        }
    }

    @EventSourcingHandler
    void on(CenterDefined event) {
        id = idOf(event.centerId());
        definition = event;
    }

    @EventSourcingHandler
    void on(ExchangeRateSet event) {
        id = idOf(event.currency(), event.month());
        definition = event;
    }

    @EventSourcingHandler
    void on(ProgrammeDefined event) {
        id = idOf(event.code());
        definition = event;
    }
}
