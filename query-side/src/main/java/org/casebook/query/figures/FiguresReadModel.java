package org.casebook.query.figures;

import java.util.List;

import org.bson.Document;
import org.casebook.query.store.DocumentCollection;
import org.casebook.query.store.FiscalYears;
import org.casebook.query.store.ReadModel;
import org.casebook.query.store.ReadModelStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The figures read model: each engagement's facts, the center-months and their rosters, and the
 * counted period figures. The beans read the version that serves the queries.
 */
@Configuration(proxyBeanMethods = false)
public class FiguresReadModel implements ReadModel {

    public static final String NAME = "figures";
    static final String FACTS = "engagement_facts";
    static final String CENTER_MONTHS = "center_month_parts";
    /** Where center-months were kept whole before they were kept in parts; dropped when a version starts. */
    static final String FORMER_CENTER_MONTHS = "center_months";
    static final String ROSTERS = "center_month_rosters";
    static final String PERIOD_FIGURES = "period_figures";
    static final String PENDING = "period_figures_pending";

    private final FiscalYears fiscalYears;

    public FiguresReadModel(FiscalYears fiscalYears) {
        this.fiscalYears = fiscalYears;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> collections() {
        return List.of(FACTS, CENTER_MONTHS, ROSTERS, PERIOD_FIGURES, PENDING);
    }

    /**
     * A center-month without engagements holds no figures; how many changes a period's figures were
     * counted from depends on how the events fell into batches (they must be all counted either way);
     * the periods noted for counting are work in progress.
     */
    @Override
    public Document comparable(String collection, Document document) {
        return switch (collection) {
            case CENTER_MONTHS -> document.get("engagements") instanceof Document parts && !parts.isEmpty() ? document : null;
            case PERIOD_FIGURES -> {
                Document copy = new Document(document);
                copy.remove("computedFrom");
                copy.remove("dirty");
                copy.put("counted", java.util.Objects.equals(document.get("computedFrom"), document.get("dirty")));
                yield copy;
            }
            case PENDING -> null;
            default -> document;
        };
    }

    @Override
    public void prepare(ReadModelStore store, int version) {
        store.drop(List.of(FORMER_CENTER_MONTHS), version);
    }

    @Override
    public FactsProjection projection(ReadModelStore store, int version) {
        return new FactsProjection(facts(store, version), centerMonths(store, version),
                new DocumentCollection<>(store.collection(ROSTERS, version), CenterMonthRoster.class, CenterMonthRoster::id),
                new DocumentCollection<>(store.collection(PERIOD_FIGURES, version), PeriodFigures.class, PeriodFigures::id),
                new DocumentCollection<>(store.collection(PENDING, version), PeriodFigures.Pending.class,
                        PeriodFigures.Pending::id),
                fiscalYears);
    }

    private static DocumentCollection<EngagementFacts> facts(ReadModelStore store, int version) {
        return new DocumentCollection<>(store.collection(FACTS, version), EngagementFacts.class, EngagementFacts::id);
    }

    private static DocumentCollection<CenterMonth> centerMonths(ReadModelStore store, int version) {
        return new DocumentCollection<>(store.collection(CENTER_MONTHS, version), CenterMonth.class, CenterMonth::id);
    }

    @Bean
    DocumentCollection<EngagementFacts> engagementFacts(ReadModelStore store) {
        // Read by id only: as-of dashboards find a scope's engagements through the center-month rosters.
        return new DocumentCollection<>(store.current(NAME, FACTS), EngagementFacts.class, EngagementFacts::id);
    }

    @Bean
    DocumentCollection<CenterMonth> centerMonths(ReadModelStore store) {
        return new DocumentCollection<>(store.current(NAME, CENTER_MONTHS), CenterMonth.class, CenterMonth::id);
    }

    @Bean
    DocumentCollection<CenterMonthRoster> centerMonthRosters(ReadModelStore store) {
        return new DocumentCollection<>(store.current(NAME, ROSTERS), CenterMonthRoster.class, CenterMonthRoster::id);
    }

    @Bean
    DocumentCollection<PeriodFigures> periodFigures(ReadModelStore store) {
        return new DocumentCollection<>(store.current(NAME, PERIOD_FIGURES), PeriodFigures.class, PeriodFigures::id);
    }
}
