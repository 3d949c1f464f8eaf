package org.casebook.query.engagement;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.casebook.query.store.DocumentCollection;
import org.casebook.query.store.ProjectionBatch;
import org.casebook.query.store.ReadModel;
import org.casebook.shared.event.EngagementEvent;
import org.springframework.stereotype.Component;

/** Keeps {@link EngagementView} documents, one per engagement, in the {@code engagements} collection. */
@Component
@ProcessingGroup(EngagementProjection.PROCESSING_GROUP)
public class EngagementProjection implements ReadModel {

    public static final String PROCESSING_GROUP = "engagements";

    private final DocumentCollection<EngagementView> views;
    private final ProjectionBatch<EngagementView> batch;

    public EngagementProjection(DocumentCollection<EngagementView> views) {
        this.views = views;
        this.batch = new ProjectionBatch<>(views, PROCESSING_GROUP);
    }

    /** Every engagement event, folded into the engagement's document. */
    @EventHandler
    void on(EngagementEvent event, @SequenceNumber long sequence) {
        batch.update(event.engagementId().value(), view -> EngagementView.fold(view, event, sequence));
    }

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public boolean isEmpty() {
        return views.isEmpty();
    }

    @ResetHandler
    void reset() {
        views.clear();
    }
}
