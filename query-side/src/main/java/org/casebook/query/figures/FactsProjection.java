package org.casebook.query.figures;

import java.time.Instant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.casebook.query.store.DocumentCollection;
import org.casebook.query.store.ProjectionBatch;
import org.casebook.query.store.ReadModel;
import org.casebook.shared.event.EngagementEvent;
import org.springframework.stereotype.Component;

/** Keeps each engagement's {@link EngagementFacts} in the {@code engagement_facts} collection, for the dashboards. */
@Component
@ProcessingGroup(FactsProjection.PROCESSING_GROUP)
public class FactsProjection implements ReadModel {

    public static final String PROCESSING_GROUP = "figures";

    private final DocumentCollection<EngagementFacts> facts;
    private final ProjectionBatch<EngagementFacts> batch;

    public FactsProjection(DocumentCollection<EngagementFacts> facts) {
        this.facts = facts;
        this.batch = new ProjectionBatch<>(facts, PROCESSING_GROUP);
    }

    @EventHandler
    void on(EngagementEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        batch.update(event.engagementId().value(), current -> EngagementFacts.fold(current, event, recordedAt, sequence));
    }

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public boolean isEmpty() {
        return facts.isEmpty();
    }

    @ResetHandler
    void reset() {
        facts.clear();
    }
}
