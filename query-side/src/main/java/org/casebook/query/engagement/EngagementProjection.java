package org.casebook.query.engagement;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.MetaData;
import org.casebook.query.store.DocumentCollection;
import org.casebook.query.store.FieldWrites;
import org.casebook.query.store.ProjectionBatch;
import org.casebook.query.store.Projection;
import org.casebook.shared.event.EngagementEvent;

/**
 * Keeps an {@link EngagementView} per engagement in the {@code engagements} collection, and each
 * engagement's line of its center's {@link Caseload} in {@code caseload_parts}. (Timelines are read from the
 * events: {@link Timelines}.)
 */
public class EngagementProjection implements Projection {

    private final DocumentCollection<EngagementView> views;
    private final ProjectionBatch<EngagementView> batch;
    private final DocumentCollection<Caseload> caseloads;
    private final FieldWrites caseloadWrites;

    public EngagementProjection(DocumentCollection<EngagementView> views, DocumentCollection<Caseload> caseloads) {
        this.views = views;
        this.caseloads = caseloads;
        this.caseloadWrites = new FieldWrites(caseloads.raw(), "caseloads");
        this.batch = new ProjectionBatch<>(views, "engagements", caseloadWrites);
    }

    /** Every engagement event, folded into the engagement's document and its caseload line. */
    @EventHandler
    void on(EngagementEvent event, @SequenceNumber long sequence, MetaData metaData) {
        String id = event.engagementId().value();
        EngagementView[] change = new EngagementView[2];
        batch.update(id, view -> {
            change[0] = view;
            change[1] = EngagementView.fold(view, event, sequence, metaData);
            return change[1];
        });
        if (change[1] != null && change[1] != change[0]) {
            // Each engagement writes only its own line: a center's caseload is shared by every segment.
            CaseloadLine line = CaseloadLine.of(change[1]);
            String part = Caseload.partOf(line);
            if (change[0] != null) {
                String before = Caseload.partOf(CaseloadLine.of(change[0]));
                if (!before.equals(part)) {
                    caseloadWrites.unset(before, "lines." + id);
                }
            }
            caseloadWrites.set(part, "id", part);
            caseloadWrites.set(part, "lines." + id, DocumentCollection.bson(line));
            if (!Caseload.isActive(part)) {
                caseloadWrites.set(line.centerId(), "id", line.centerId());
                caseloadWrites.set(line.centerId(), "closedYears." + line.intakeDate().getYear(), true);
            }
        }
    }

    @Override
    public boolean isEmpty() {
        return views.isEmpty() || caseloads.isEmpty();
    }
}
