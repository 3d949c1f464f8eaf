package org.casebook.query.engagement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.casebook.shared.id.EngagementId;
import org.springframework.stereotype.Component;

/**
 * Engagements' timelines, read from the event store, the source of truth: one indexed read of the
 * engagement's events, so a timeline is current as soon as a command is answered.
 */
@Component
public class Timelines {

    private final EventStore events;

    public Timelines(EventStore events) {
        this.events = events;
    }

    /** The engagement's timeline; empty when it has no events. */
    public Optional<TimelineView> of(EngagementId engagement) {
        List<DomainEventMessage<?>> read = new ArrayList<>();
        events.readEvents(engagement.value(), 0).asStream().forEach(read::add);
        return TimelineView.of(read);
    }
}
