package org.casebook.query.figures;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.casebook.query.store.DocumentCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FiguresReadModelConfiguration {

    @Bean
    DocumentCollection<EngagementFacts> engagementFacts(MongoDatabase readModels) {
        var collection = readModels.getCollection("engagement_facts", Document.class);
        // Dashboards find a scope's engagements by the centers they were ever credited to (a real MongoDB).
        collection.createIndex(Indexes.ascending("centers"));
        return new DocumentCollection<>(collection, EngagementFacts.class, EngagementFacts::id);
    }

    @Bean
    DocumentCollection<CenterMonth> centerMonths(MongoDatabase readModels) {
        return new DocumentCollection<>(readModels.getCollection("center_months", Document.class), CenterMonth.class,
                CenterMonth::id);
    }
}
