package org.casebook.query.engagement;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.casebook.query.store.DocumentCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EngagementReadModelConfiguration {

    static final String COLLECTION = "engagements";

    @Bean
    DocumentCollection<EngagementView> engagementViews(MongoDatabase readModels) {
        var collection = readModels.getCollection(COLLECTION, Document.class);
        // Donors' lists filter by programme (counselors' and directors' lists read their centers' caseload
        // documents). A real MongoDB uses these indexes; the embedded server accepts and ignores them, and
        // scans instead.
        collection.createIndex(Indexes.ascending("programmes", "enterprise.name"));
        collection.createIndex(Indexes.ascending("centerId", "enterprise.name"));
        collection.createIndex(Indexes.ascending("counselorId", "enterprise.name"));
        collection.createIndex(Indexes.ascending("centerId", "results.status"));
        return new DocumentCollection<>(collection, EngagementView.class, EngagementView::id);
    }

    @Bean
    DocumentCollection<Caseload> caseloads(MongoDatabase readModels) {
        return new DocumentCollection<>(readModels.getCollection("caseloads", Document.class), Caseload.class,
                Caseload::id);
    }

    @Bean
    DocumentCollection<TimelineView> timelineViews(MongoDatabase readModels) {
        return new DocumentCollection<>(readModels.getCollection("engagement_timelines", Document.class),
                TimelineView.class, TimelineView::id);
    }
}
