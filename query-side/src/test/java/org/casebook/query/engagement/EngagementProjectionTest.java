package org.casebook.query.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casebook.query.engagement.EngagementEvents.financing;
import static org.casebook.query.engagement.EngagementEvents.opened;
import static org.casebook.query.engagement.EngagementEvents.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.casebook.query.TestMongo;
import org.casebook.query.store.DocumentCollection;
import org.casebook.shared.event.EngagementClosed;
import org.casebook.shared.event.EngagementReopened;
import org.casebook.shared.value.ClosureReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engagement projection against a MongoDB server (the in-process one; set
 * {@code casebook.test.mongodb-uri} to run it against a real MongoDB).
 */
class EngagementProjectionTest {

    static final Instant AT = Instant.parse("2026-03-09T15:00:00Z");
    static final MetaData ANA = MetaData.with("userId", "ana.lopez").and("role", "COUNSELOR").and("centerId", "HN-TGU-01");

    private TestMongo mongo;
    private MongoDatabase database;
    private DocumentCollection<EngagementView> views;
    private EngagementProjection projection;

    @BeforeEach
    void setUp() {
        mongo = new TestMongo();
        database = mongo.database();
        views = new DocumentCollection<>(database.getCollection("engagements"), EngagementView.class, EngagementView::id);
        projection = new EngagementProjection(views, new DocumentCollection<>(
                database.getCollection("caseloads"), Caseload.class, Caseload::id));
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    private void deliverAll() {
        projection.on(opened(), 0, ANA);
        projection.on(session("s-1", LocalDate.of(2026, 3, 9), 90, 30, 0), 1, ANA);
        projection.on(financing("r-1", "120000.00"), 2, ANA);
    }

    private Document stored() {
        return database.getCollection("engagements").find(new Document("_id", "e-1")).first();
    }

    @Test
    void storesWhatTheFoldGives() {
        deliverAll();
        EngagementView expected = EngagementViewTest.foldAll(List.of(opened(),
                session("s-1", LocalDate.of(2026, 3, 9), 90, 30, 0), financing("r-1", "120000.00")));
        assertThat(views.find("e-1")).contains(expected);
        Document document = stored();
        assertThat(document.getString("intakeDate")).isEqualTo("2026-03-02");
        Document result = document.getList("results", Document.class).get(0);
        assertThat(result.getString("status")).isEqualTo("CLAIMED");
        assertThat(((Document) ((Document) result.get("details")).get("amount")).getString("amount"))
                .isEqualTo("120000.00");
    }

    @Test
    void deliveringEveryEventTwiceLeavesTheSameDocuments() {
        deliverAll();
        Document once = stored();
        deliverAll();
        assertThat(stored()).isEqualTo(once);
        assertThat(database.getCollection("engagements").countDocuments()).isEqualTo(1);
        Document caseload = database.getCollection("caseloads").find(new Document("_id", "HN-TGU-01")).first();
        assertThat(((Document) caseload.get("lines")).keySet()).containsExactly("e-1");
    }

    @Test
    void theTimelineSaysWhoDidWhatWhenInBothLanguages() {
        List<org.axonframework.eventhandling.DomainEventMessage<?>> events = new java.util.ArrayList<>();
        List<org.casebook.shared.event.EngagementEvent> payloads = List.of(opened(),
                session("s-1", LocalDate.of(2026, 3, 9), 90, 30, 0), financing("r-1", "120000.00"));
        for (int sequence = 0; sequence < payloads.size(); sequence++) {
            events.add(new org.axonframework.eventhandling.GenericDomainEventMessage<>("Engagement", "e-1", sequence,
                    payloads.get(sequence), ANA, java.util.UUID.randomUUID().toString(), AT.plusSeconds(60L * sequence)));
        }
        TimelineView timeline = TimelineView.of(events).orElseThrow();
        assertThat(timeline.entries()).extracting(TimelineView.Entry::type)
                .containsExactly("EngagementOpened", "CounselingSessionLogged", "FinancingObtained");
        TimelineView.Entry session = timeline.entries().get(1);
        assertThat(session.userId()).isEqualTo("ana.lopez");
        assertThat(session.recordedAt()).isEqualTo(AT.plusSeconds(60));
        assertThat(session.summaryIn(java.util.Locale.ENGLISH)).contains("2026-03-09").contains("90 min contact");
        assertThat(session.summaryIn(java.util.Locale.forLanguageTag("es-HN"))).contains("90 min de contacto");
        assertThat(timeline.toString()).doesNotContain("notes s-1").doesNotContain("María");
    }

    @Test
    void aBatchIsFoldedInMemoryAndWrittenOnceWhenItCommits() {
        var events = List.of(GenericEventMessage.asEventMessage(opened()));
        BatchingUnitOfWork<?> batch = new BatchingUnitOfWork<>(events);
        batch.start();
        deliverAll();
        assertThat(stored()).as("nothing is written before the batch commits").isNull();
        batch.commit();
        assertThat(views.find("e-1")).get().satisfies(view -> {
            assertThat(view.sessions()).hasSize(1);
            assertThat(view.results()).hasSize(1);
            assertThat(view.lastSequence()).isEqualTo(2);
        });
    }

    @Test
    void aBatchThatRollsBackWritesNothing() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(opened()));
        deliverAll();
        batch.rollback();
        assertThat(stored()).isNull();
    }

    @Test
    void droppingTheFirstVersionsCollectionsEmptiesTheReadModel() {
        deliverAll();
        assertThat(projection.isEmpty()).isFalse();
        new org.casebook.query.store.ReadModelStore(database, new org.casebook.query.store.ReadModelVersions())
                .drop(new EngagementReadModel(), org.casebook.query.store.ReadModelVersions.FIRST);
        assertThat(projection.isEmpty()).isTrue();
    }

    @Test
    void aClosedEngagementsLineLeavesTheCentersActiveCaseloadForItsYearOfIntake() {
        deliverAll();
        projection.on(new EngagementClosed(EngagementEvents.ID, ClosureReason.COMPLETED, null), 3, ANA);
        Document active = database.getCollection("caseloads").find(new Document("_id", "HN-TGU-01")).first();
        assertThat((Document) active.get("lines")).isEmpty();
        assertThat(((Document) active.get("closedYears")).keySet()).containsExactly("2026");
        Document closed = database.getCollection("caseloads").find(new Document("_id", "HN-TGU-01|closed|2026")).first();
        assertThat(((Document) closed.get("lines")).keySet()).containsExactly("e-1");

        projection.on(new EngagementReopened(EngagementEvents.ID, "Back for a second loan"), 4, ANA);
        active = database.getCollection("caseloads").find(new Document("_id", "HN-TGU-01")).first();
        assertThat(((Document) active.get("lines")).keySet()).containsExactly("e-1");
        closed = database.getCollection("caseloads").find(new Document("_id", "HN-TGU-01|closed|2026")).first();
        assertThat((Document) closed.get("lines")).isEmpty();
    }
}
