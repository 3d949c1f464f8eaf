package org.casebook.command.reference;

import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.casebook.command.ActorRequired;
import org.casebook.shared.actor.Actor;
import org.casebook.shared.actor.Role;
import org.casebook.shared.event.CenterDefined;
import org.casebook.shared.event.ProgrammeDefined;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.ProgrammeCode;
import org.casebook.shared.refusal.Refusal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReferenceEntryTest {

    static final CenterId TGU = new CenterId("HN-TGU-01");
    static final ProgrammeCode DINAMICA = new ProgrammeCode("DINAMICA");
    static final java.util.Map<String, String> ADMIN = new Actor("admin", Set.of(Role.ADMIN), Set.of(), Set.of()).toMetaData(Role.ADMIN);

    private AggregateTestFixture<ReferenceEntry> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReferenceEntry.class);
        fixture.registerCommandHandlerInterceptor(new ActorRequired());
    }

    @Test
    void anAdministratorDefinesACenter() {
        fixture.givenNoPriorActivity()
                .when(new DefineCenter(TGU, "CDE-MIPYME Región Centro", "HN"), ADMIN)
                .expectEvents(new CenterDefined(TGU, "CDE-MIPYME Región Centro", "HN"));
    }

    @Test
    void aRedefinitionRecordsOnlyAChange() {
        fixture.given(new CenterDefined(TGU, "CDE Centro", "HN"))
                .when(new DefineCenter(TGU, "CDE Centro", "HN"), ADMIN)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(new CenterDefined(TGU, "CDE Centro", "HN"))
                .when(new DefineCenter(TGU, "CDE-MIPYME Región Centro", "HN"), ADMIN)
                .expectEvents(new CenterDefined(TGU, "CDE-MIPYME Región Centro", "HN"));
    }

    @Test
    void anAdministratorDefinesAProgramme() {
        fixture.givenNoPriorActivity()
                .when(new DefineProgramme(DINAMICA, "DINAMICA", "CABEI"), ADMIN)
                .expectEvents(new ProgrammeDefined(DINAMICA, "DINAMICA", "CABEI"));
    }

    @Test
    void nobodyElseDefinesReferenceData() {
        var director = new Actor("rosa", Set.of(Role.DIRECTOR), Set.of(TGU), Set.of()).toMetaData(Role.DIRECTOR);
        fixture.givenNoPriorActivity()
                .when(new DefineCenter(TGU, "Mine now", "HN"), director)
                .expectException(Refusal.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new DefineProgramme(DINAMICA, "DINAMICA", "CABEI"))
                .expectException(Refusal.class)
                .expectNoEvents();
    }
}
