package org.casebook.query.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.casebook.query.TestMongo;
import org.casebook.query.store.DocumentCollection;
import org.casebook.query.store.FiscalYears;
import org.casebook.shared.event.CounselingSessionVoided;
import org.casebook.shared.event.JobsReported;
import org.casebook.shared.id.SessionId;
import org.casebook.shared.id.ResultId;
import org.casebook.shared.value.Gender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The facts projection against a MongoDB server (in-process; {@code casebook.test.mongodb-uri} for a real one). */
class FactsProjectionTest {

    private TestMongo mongo;
    private MongoDatabase database;
    private DocumentCollection<EngagementFacts> facts;
    private DocumentCollection<CenterMonthRoster> rosters;
    private DocumentCollection<PeriodFigures> periodFigures;
    private FactsProjection projection;
    private FiguresCalculatorTest.History history;

    @BeforeEach
    void setUp() {
        mongo = new TestMongo();
        database = mongo.database();
        facts = new DocumentCollection<>(database.getCollection("engagement_facts"), EngagementFacts.class,
                EngagementFacts::id);
        rosters = new DocumentCollection<>(database.getCollection("center_month_rosters"), CenterMonthRoster.class,
                CenterMonthRoster::id);
        periodFigures = new DocumentCollection<>(database.getCollection("period_figures"), PeriodFigures.class,
                PeriodFigures::id);
        projection = new FactsProjection(facts, new DocumentCollection<>(database.getCollection("center_month_parts"),
                CenterMonth.class, CenterMonth::id), rosters, periodFigures, new DocumentCollection<>(database.getCollection("period_figures_pending"),
                PeriodFigures.Pending.class, PeriodFigures.Pending::id), new FiscalYears(Map.of("JM", 4)));
        history = new FiguresCalculatorTest.History("e-1", "HN-TGU-01", LocalDate.of(2026, 3, 2), Gender.FEMALE,
                Instant.parse("2026-03-02T15:00:00Z"))
                .session("s-1", LocalDate.of(2026, 3, 9), 90, 30, 0);
        history.add(new JobsReported(history.id, new ResultId("r-1"), LocalDate.of(2026, 6, 1), 2, 1, 0));
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    private org.axonframework.eventhandling.ReplayStatus replay = org.axonframework.eventhandling.ReplayStatus.REGULAR;

    private void deliverAll() {
        for (int i = 0; i < history.events.size(); i++) {
            projection.on(history.events.get(i), history.times.get(i), i, replay, org.axonframework.messaging.MetaData.emptyInstance());
        }
    }

    @Test
    void storesWhatTheFoldGivesAndIgnoresRepeats() {
        deliverAll();
        assertThat(facts.find("e-1")).contains(history.facts());
        Document once = database.getCollection("engagement_facts").find(new Document("_id", "e-1")).first();
        Document month = database.getCollection("center_month_parts").find(new Document("_id", part("HN-TGU-01|2026-03"))).first();
        assertThat(month).isNotNull();
        deliverAll();
        assertThat(database.getCollection("engagement_facts").find(new Document("_id", "e-1")).first()).isEqualTo(once);
        assertThat(database.getCollection("center_month_parts").find(new Document("_id", part("HN-TGU-01|2026-03"))).first())
                .isEqualTo(month);
        assertThat(database.getCollection("center_month_parts").find(new Document("_id", part("HN-TGU-01|2026-06"))).first())
                .as("the jobs result of June").isNotNull();
    }

    @Test
    void centerMonthsReadBackAsTheEntriesTheFactsGive() {
        deliverAll();
        DocumentCollection<CenterMonth> months = new DocumentCollection<>(database.getCollection("center_month_parts"),
                CenterMonth.class, CenterMonth::id);
        java.util.Map<String, CenterMonth.Entry> expected = CenterMonth.entriesOf(history.facts());
        expected.forEach((id, entry) -> assertThat(months.find(part(id))).get()
                .satisfies(month -> assertThat(month.engagements()).containsEntry("e-1", entry)));
    }

    @Test
    void aCenterMonthItsLastEngagementLeftReadsAsEmpty() {
        database.getCollection("center_month_parts").insertOne(new Document("_id", "HN-TGU-01|2026-04")
                .append("id", "HN-TGU-01|2026-04").append("centerId", "HN-TGU-01").append("month", "2026-04"));
        DocumentCollection<CenterMonth> months = new DocumentCollection<>(database.getCollection("center_month_parts"),
                CenterMonth.class, CenterMonth::id);
        assertThat(months.find("HN-TGU-01|2026-04")).get().satisfies(month ->
                assertThat(CenterMonth.merge(List.of(month), entry -> true)).isEmpty());
    }

    @Test
    void aRosterKeepsAnEngagementWhoseFactsLeftItsMonth() {
        history.session("s-2", LocalDate.of(2026, 4, 14), 60, 0, 0)
                .add(new CounselingSessionVoided(history.id, new SessionId("s-2"), "logged twice"));
        deliverAll();
        DocumentCollection<CenterMonth> months = new DocumentCollection<>(database.getCollection("center_month_parts"),
                CenterMonth.class, CenterMonth::id);
        assertThat(months.find(part("HN-TGU-01|2026-04"))).get()
                .satisfies(month -> assertThat(month.engagements()).as("voided: counted nowhere now").isEmpty());
        assertThat(rosters.find("HN-TGU-01|2026-04")).get()
                .satisfies(roster -> assertThat(roster.engagements()).as("but counted there for a while")
                        .containsOnlyKeys("e-1"));
        assertThat(rosters.find("HN-TGU-01|2026-03")).get()
                .satisfies(roster -> assertThat(roster.engagements()).containsOnlyKeys("e-1"));
        assertThat(rosters.find("HN-TGU-01|2026-05")).as("nothing dated in May").isEmpty();
        Document once = database.getCollection("center_month_rosters").find(new Document("_id", "HN-TGU-01|2026-04"))
                .first();
        deliverAll();
        assertThat(database.getCollection("center_month_rosters").find(new Document("_id", "HN-TGU-01|2026-04"))
                .first()).isEqualTo(once);
    }

    /** Delivers the whole history as one event processor batch (one unit of work). */
    private void deliverAllInOneBatch() {
        DefaultUnitOfWork.startAndGet(null).execute(this::deliverAll);
    }

    @Test
    void aBatchThatFailedPartWayIsWrittenWholeWhenRetried() {
        // A center-month whose map of engagements is not a map: the batch's write to it fails.
        database.getCollection("center_month_parts").insertOne(new Document("_id", part("HN-TGU-01|2026-03"))
                .append("engagements", "not a map"));
        assertThatThrownBy(this::deliverAllInOneBatch).isInstanceOf(RuntimeException.class);
        assertThat(facts.find("e-1")).as("the facts wait for what is derived from them").isEmpty();

        database.getCollection("center_month_parts").deleteOne(new Document("_id", part("HN-TGU-01|2026-03")));
        deliverAllInOneBatch();
        DocumentCollection<CenterMonth> months = new DocumentCollection<>(database.getCollection("center_month_parts"),
                CenterMonth.class, CenterMonth::id);
        assertThat(facts.find("e-1")).contains(history.facts());
        assertThat(months.find(part("HN-TGU-01|2026-03"))).get()
                .satisfies(month -> assertThat(month.engagements()).containsOnlyKeys("e-1"));
        assertThat(rosters.find("HN-TGU-01|2026-03")).get()
                .satisfies(roster -> assertThat(roster.engagements()).containsOnlyKeys("e-1"));
    }

    private static final java.util.Set<Integer> YEAR_STARTS = java.util.Set.of(1, 4);

    /** The part of the center-month that holds e-1's entry. */
    private static String part(String centerMonth) {
        return CenterMonth.partIdOf(centerMonth, "e-1");
    }

    /** Every kept period of Tegucigalpa with something dated in it (the history's months). */
    private java.util.Set<Period> keptPeriods() {
        java.util.Set<Period> periods = new java.util.HashSet<>();
        CenterMonth.entriesOf(history.facts()).keySet().forEach(id ->
                periods.addAll(Period.holding(java.time.YearMonth.parse(id.split("\\|")[1]), YEAR_STARTS)));
        assertThat(periods).hasSizeGreaterThanOrEqualTo(5);
        return periods;
    }

    private void assertPeriodFiguresCountedFromTheCenterMonths() {
        List<CenterMonth> months = new java.util.ArrayList<>();
        new DocumentCollection<>(database.getCollection("center_month_parts"), CenterMonth.class, CenterMonth::id)
                .each(new Document()).forEach(months::add);
        for (Period period : keptPeriods()) {
            PeriodFigures expected = PeriodFigures.count("HN-TGU-01", period, months);
            assertThat(periodFigures.find(period.idFor("HN-TGU-01"))).as(period.toString()).get().satisfies(kept -> {
                assertThat(kept.isCurrent()).isTrue();
                assertThat(kept.parts()).isEqualTo(expected.parts()).isNotEmpty();
                assertThat(kept.from()).isEqualTo(period.from());
            });
        }
        assertThat(periodFigures.count(new Document())).isEqualTo(keptPeriods().size());
    }

    @Test
    void periodFiguresAreCountedFromTheCenterMonthsAndRepeatsChangeNone() {
        deliverAll();
        assertPeriodFiguresCountedFromTheCenterMonths();
        String year = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)).idFor("HN-TGU-01");
        List<PeriodFigures.Part> parts = periodFigures.find(year).orElseThrow().parts();
        deliverAllInOneBatch();
        assertThat(periodFigures.find(year)).get().satisfies(kept -> assertThat(kept.parts()).isEqualTo(parts));
        assertPeriodFiguresCountedFromTheCenterMonths();
    }

    @Test
    void periodFiguresCountedInOneBatchAreThoseCountedEventByEvent() {
        deliverAllInOneBatch();
        assertPeriodFiguresCountedFromTheCenterMonths();
    }

    @Test
    void figuresCountedBeforeAnotherSegmentsChangeReadAsBehind() {
        deliverAll();
        String year = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)).idFor("HN-TGU-01");
        assertThat(periodFigures.find(year)).get().satisfies(kept -> assertThat(kept.isCurrent()).isTrue());
        // Another segment counted a change to the year's center-months and has not written its figures yet.
        database.getCollection("period_figures").updateOne(new Document("_id", year),
                new Document("$inc", new Document("dirty", 1L)));
        assertThat(periodFigures.find(year)).get().satisfies(kept -> assertThat(kept.isCurrent()).isFalse());
        history.session("s-2", LocalDate.of(2026, 7, 7), 60, 0, 0);
        deliverAllInOneBatch();
        assertThat(periodFigures.find(year)).get().satisfies(kept -> assertThat(kept.isCurrent())
                .as("counted again after every change so far").isTrue());
        assertPeriodFiguresCountedFromTheCenterMonths();
    }

    @Test
    void aBatchWhosePeriodFiguresFailedIsCountedWholeWhenRetried() {
        String year = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)).idFor("HN-TGU-01");
        database.getCollection("period_figures").insertOne(new Document("_id", year).append("dirty", "not a number"));
        assertThatThrownBy(this::deliverAllInOneBatch).isInstanceOf(RuntimeException.class);
        assertThat(facts.find("e-1")).as("the facts wait for what is derived from them").isEmpty();

        database.getCollection("period_figures").deleteOne(new Document("_id", year));
        deliverAllInOneBatch();
        assertPeriodFiguresCountedFromTheCenterMonths();
    }

    @Test
    void whileReplayingPeriodsAreNotedAndCountedOnceTheReplayIsOver() {
        replay = org.axonframework.eventhandling.ReplayStatus.REPLAY;
        deliverAllInOneBatch();
        assertThat(periodFigures.find(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)).idFor("HN-TGU-01")))
                .as("noted, not counted").isEmpty();
        assertThat(database.getCollection("period_figures_pending").countDocuments()).isEqualTo(keptPeriods().size());

        assertThat(projection.settle(3)).isEqualTo(3);
        while (projection.settle(3) > 0) {
            // counts the rest, three at a time
        }
        assertThat(database.getCollection("period_figures_pending").countDocuments()).isZero();
        assertPeriodFiguresCountedFromTheCenterMonths();
    }

    @Test
    void aLiveBatchOfManyPeriodsNotesThemForTheBackgroundCount() {
        List<FiguresCalculatorTest.History> histories = new java.util.ArrayList<>();
        for (int center = 0; center < 30; center++) {
            histories.add(new FiguresCalculatorTest.History("e-" + center, "HN-C%02d-01".formatted(center),
                    LocalDate.of(2026, 1 + center % 12, 2), Gender.FEMALE, Instant.parse("2026-01-02T15:00:00Z")));
        }
        deliverInOneBatch(histories, 0);
        long noted = database.getCollection("period_figures_pending").countDocuments();
        assertThat(noted).as("more periods than a live batch counts itself")
                .isGreaterThan(PeriodFiguresWrites.COUNTED_IN_BATCH);
        assertThat(periodFigures.each(new Document())).as("figures never counted are not created").isEmpty();
        settleAll();
        assertThat(periodFigures.each(new Document())).hasSize((int) noted)
                .allSatisfy(kept -> assertThat(kept.isCurrent()).isTrue());

        for (int center = 0; center < 30; center++) {
            histories.get(center).session("s-" + center, LocalDate.of(2026, 1 + center % 12, 5), 45, 0, 0);
        }
        deliverInOneBatch(histories, histories.get(0).events.size() - 1);
        assertThat(periodFigures.each(new Document())).as("counted figures the batch changed read as behind")
                .allSatisfy(kept -> assertThat(kept.isCurrent()).isFalse());
        settleAll();
        assertThat(database.getCollection("period_figures_pending").countDocuments()).isZero();
        assertThat(periodFigures.each(new Document())).allSatisfy(kept -> assertThat(kept.isCurrent()).isTrue());
    }

    private void deliverInOneBatch(List<FiguresCalculatorTest.History> histories, int from) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> histories.forEach(each -> {
            for (int i = from; i < each.events.size(); i++) {
                projection.on(each.events.get(i), each.times.get(i), i, replay, org.axonframework.messaging.MetaData.emptyInstance());
            }
        }));
    }

    private void settleAll() {
        while (projection.settle(40) > 0) {
            // the background count
        }
    }

    @Test
    void aLiveBatchOfFewPeriodsCountsThemItself() {
        deliverAllInOneBatch();
        assertThat(database.getCollection("period_figures_pending").countDocuments()).isZero();
        assertPeriodFiguresCountedFromTheCenterMonths();
    }

    @Test
    void notedPeriodsWhoseCountFailedStayNoted() {
        replay = org.axonframework.eventhandling.ReplayStatus.REPLAY;
        deliverAllInOneBatch();
        long noted = database.getCollection("period_figures_pending").countDocuments();
        String year = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)).idFor("HN-TGU-01");
        database.getCollection("period_figures").updateOne(new Document("_id", year),
                new Document("$set", new Document("dirty", "not a number")),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
        assertThatThrownBy(() -> projection.settle(100)).isInstanceOf(RuntimeException.class);
        assertThat(database.getCollection("period_figures_pending").countDocuments()).isEqualTo(noted);

        database.getCollection("period_figures").deleteOne(new Document("_id", year));
        assertThat(projection.settle(100)).isEqualTo((int) noted);
        assertPeriodFiguresCountedFromTheCenterMonths();
    }
}
