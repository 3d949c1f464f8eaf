package org.casebook.query.engagement;

import java.util.List;

import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.casebook.query.store.DocumentCollection;
import org.casebook.query.store.ReadModel;
import org.casebook.query.store.ReadModelStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engagements read model: each engagement's view, and the centers' caseloads. The
 * beans read the version that serves the queries.
 */
@Configuration(proxyBeanMethods = false)
public class EngagementReadModel implements ReadModel {

    public static final String NAME = "engagements";
    static final String VIEWS = "engagements";
    /** Where timelines were kept before they were read from the events; dropped when a version starts. */
    static final String FORMER_TIMELINES = "engagement_timelines";
    static final String CASELOADS = "caseload_parts";
    /** Where caseloads were kept whole before they were kept in parts; dropped when a version starts. */
    static final String FORMER_CASELOADS = "caseloads";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> collections() {
        return List.of(VIEWS, CASELOADS);
    }

    /** A caseload part without lines (nor, the active part, years of closed ones) holds nothing. */
    @Override
    public Document comparable(String collection, Document document) {
        if (CASELOADS.equals(collection) && isEmpty(document.get("lines")) && isEmpty(document.get("closedYears"))) {
            return null;
        }
        return document;
    }

    private static boolean isEmpty(Object parts) {
        return !(parts instanceof Document map) || map.isEmpty();
    }

    @Override
    public EngagementProjection projection(ReadModelStore store, int version) {
        return new EngagementProjection(
                new DocumentCollection<>(store.collection(VIEWS, version), EngagementView.class, EngagementView::id),
                new DocumentCollection<>(store.collection(CASELOADS, version), Caseload.class, Caseload::id));
    }

    @Override
    public void prepare(ReadModelStore store, int version) {
        var views = store.collection(VIEWS, version);
        // Donors' lists filter by programme (counselors' and directors' lists read their centers' caseload
        // documents). A real MongoDB uses these indexes; the embedded server accepts and ignores them, and
        // scans instead.
        views.createIndex(Indexes.ascending("programmes", "enterprise.name"));
        views.createIndex(Indexes.ascending("centerId", "enterprise.name"));
        views.createIndex(Indexes.ascending("counselorId", "enterprise.name"));
        views.createIndex(Indexes.ascending("centerId", "results.status"));
        store.drop(List.of(FORMER_TIMELINES, FORMER_CASELOADS), version);
    }

    @Bean
    DocumentCollection<EngagementView> engagementViews(ReadModelStore store) {
        return new DocumentCollection<>(store.current(NAME, VIEWS), EngagementView.class, EngagementView::id);
    }

    @Bean
    DocumentCollection<Caseload> caseloads(ReadModelStore store) {
        return new DocumentCollection<>(store.current(NAME, CASELOADS), Caseload.class, Caseload::id);
    }
}
