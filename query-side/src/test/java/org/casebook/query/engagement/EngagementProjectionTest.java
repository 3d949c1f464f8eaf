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
                database.getCollection("caseload_parts"), Caseload.class, Caseload::id));
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
        Document caseload = database.getCollection("caseload_parts").find(new Document("_id", ACTIVE)).first();
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

    /** The documents of Tegucigalpa's caseload that hold e-1's line: open, and closed in 2026. */
    private static final String ACTIVE = org.casebook.query.store.DocumentParts.partOf("HN-TGU-01|open", "e-1");
    private static final String CLOSED_2026 = org.casebook.query.store.DocumentParts.partOf("HN-TGU-01|closed|2026", "e-1");

    private Document caseload(String id) {
        return database.getCollection("caseload_parts").find(new Document("_id", id)).first();
    }

    @Test
    void aClosedEngagementsLineLeavesTheCentersActiveCaseloadForItsYearOfIntake() {
        deliverAll();
        projection.on(new EngagementClosed(EngagementEvents.ID, ClosureReason.COMPLETED, null), 3, ANA);
        assertThat((Document) caseload(ACTIVE).get("lines")).isEmpty();
        assertThat(((Document) caseload("HN-TGU-01").get("closedYears")).keySet()).containsExactly("2026");
        assertThat(((Document) caseload(CLOSED_2026).get("lines")).keySet()).containsExactly("e-1");

        projection.on(new EngagementReopened(EngagementEvents.ID, "Back for a second loan"), 4, ANA);
        assertThat(((Document) caseload(ACTIVE).get("lines")).keySet()).containsExactly("e-1");
        assertThat((Document) caseload(CLOSED_2026).get("lines")).isEmpty();
    }

    @Test
    void aCentersCaseloadIsKeptInPartsThatTogetherHoldEveryLine() {
        java.util.Set<String> opened = new java.util.TreeSet<>();
        for (int i = 0; i < 40; i++) {
            projection.on(EngagementEvents.opened(new org.casebook.shared.id.EngagementId("e-" + i)), 0, ANA);
            opened.add("e-" + i);
        }
        List<String> parts = Caseload.documentsOf(List.of(Caseload.activePart("HN-TGU-01")));
        List<Caseload> stored = new DocumentCollection<>(database.getCollection("caseload_parts"), Caseload.class,
                Caseload::id).findAll(parts);
        assertThat(stored).as("the lines spread over several parts").hasSizeGreaterThan(4)
                .allSatisfy(part -> assertThat(part.lines().size()).isLessThan(opened.size()));
        assertThat(stored.stream().flatMap(part -> part.lines().keySet().stream()).sorted().toList())
                .as("each line in exactly one part").containsExactlyElementsOf(opened);
    }
}
