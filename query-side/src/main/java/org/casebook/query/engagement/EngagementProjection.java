package org.casebook.query.engagement;

import java.time.Instant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.casebook.query.store.DocumentCollection;
import org.casebook.query.store.ProjectionBatch;
import org.casebook.query.store.ReadModel;
import org.casebook.shared.event.EngagementEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps an {@link EngagementView} and a {@link TimelineView} per engagement, in the {@code engagements}
 * and {@code engagement_timelines} collections.
 */
@Component
@ProcessingGroup(EngagementProjection.PROCESSING_GROUP)
public class EngagementProjection implements ReadModel {

    public static final String PROCESSING_GROUP = "engagements";

    private final DocumentCollection<EngagementView> views;
    private final DocumentCollection<TimelineView> timelines;
    private final ProjectionBatch<EngagementView> batch;
    private final ProjectionBatch<TimelineView> timelineBatch;

    public EngagementProjection(DocumentCollection<EngagementView> views, DocumentCollection<TimelineView> timelines) {
        this.views = views;
        this.timelines = timelines;
        this.batch = new ProjectionBatch<>(views, PROCESSING_GROUP);
        this.timelineBatch = new ProjectionBatch<>(timelines, "timelines");
    }

    /** Every engagement event, folded into the engagement's document and its timeline. */
    @EventHandler
    void on(EngagementEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt, MetaData metaData) {
        String id = event.engagementId().value();
        batch.update(id, view -> EngagementView.fold(view, event, sequence));
        timelineBatch.update(id, timeline -> TimelineView.fold(timeline, event, sequence, recordedAt, metaData));
    }

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public boolean isEmpty() {
        return views.isEmpty() && timelines.isEmpty();
    }

    @ResetHandler
    void reset() {
        views.clear();
        timelines.clear();
    }
}
