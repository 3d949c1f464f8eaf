package org.casebook.query.figures;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.casebook.query.store.DocumentCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FiguresReadModelConfiguration {

    @Bean
    DocumentCollection<EngagementFacts> engagementFacts(MongoDatabase readModels) {
        // Read by id only: as-of dashboards find a scope's engagements through the center-month rosters.
        return new DocumentCollection<>(readModels.getCollection("engagement_facts", Document.class),
                EngagementFacts.class, EngagementFacts::id);
    }

    @Bean
    DocumentCollection<CenterMonth> centerMonths(MongoDatabase readModels) {
        return new DocumentCollection<>(readModels.getCollection("center_months", Document.class), CenterMonth.class,
                CenterMonth::id);
    }

    @Bean
    DocumentCollection<CenterMonthRoster> centerMonthRosters(MongoDatabase readModels) {
        return new DocumentCollection<>(readModels.getCollection("center_month_rosters", Document.class),
                CenterMonthRoster.class, CenterMonthRoster::id);
    }

    @Bean
    DocumentCollection<PeriodFigures> periodFigures(MongoDatabase readModels) {
        return new DocumentCollection<>(readModels.getCollection("period_figures", Document.class), PeriodFigures.class,
                PeriodFigures::id);
    }

    @Bean
    DocumentCollection<PeriodFigures.Pending> periodFiguresPending(MongoDatabase readModels) {
        return new DocumentCollection<>(readModels.getCollection("period_figures_pending", Document.class),
                PeriodFigures.Pending.class, PeriodFigures.Pending::id);
    }
}
