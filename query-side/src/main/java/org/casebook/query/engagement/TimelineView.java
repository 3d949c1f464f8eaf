package org.casebook.query.engagement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.casebook.shared.event.EngagementEvent;
import org.casebook.shared.imported.Imported;
import org.casebook.shared.summary.EventSummaries;

/**
 * What happened to an engagement, in order: when, who (user and role), for which center, and a
 * one-line account in Spanish and English. Holds no personal data, so every reader of the engagement
 * may read it. Folded from the engagement's events whenever it is read ({@link Timelines}): it is the
 * events themselves, told, and keeping it as a document would double what a rebuild writes.
 */
public record TimelineView(String id, List<Entry> entries, long lastSequence) {

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

    /** {@code importedFrom}: the legacy system the event was imported from; null for an event recorded in Casebook. */
    public record Entry(long sequence, Instant recordedAt, String type, String userId, String role, String centerId,
                        Map<String, String> summary,
                        @com.fasterxml.jackson.annotation.JsonInclude(
                                com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String importedFrom) {

        public String summaryIn(Locale locale) {
            String text = summary.get(locale.getLanguage());
            return text != null ? text : summary.get(Locale.ENGLISH.getLanguage());
        }
    }

    public static TimelineView fold(TimelineView current, EngagementEvent event, long sequence, Instant recordedAt,
                                    Map<String, ?> metaData) {
        if (current != null && sequence <= current.lastSequence) {
            return current;
        }
        Map<String, String> summary = new java.util.LinkedHashMap<>();
        for (Locale language : LANGUAGES) {
            summary.put(language.getLanguage(), EventSummaries.summarize(event, language));
        }
        Entry entry = new Entry(sequence, recordedAt, event.getClass().getSimpleName(), text(metaData.get("userId")),
                text(metaData.get("role")), text(metaData.get("centerId")), summary,
                Imported.of(metaData).map(Imported::system).orElse(null));
        List<Entry> entries = new ArrayList<>(current == null ? List.of() : current.entries);
        entries.add(entry);
        return new TimelineView(event.engagementId().value(), List.copyOf(entries), sequence);
    }

    /** The timeline of these events of one engagement, in order; empty when there are none. */
    public static java.util.Optional<TimelineView> of(List<? extends org.axonframework.eventhandling.DomainEventMessage<?>> events) {
        TimelineView timeline = null;
        for (org.axonframework.eventhandling.DomainEventMessage<?> event : events) {
            if (event.getPayload() instanceof EngagementEvent engagementEvent) {
                timeline = fold(timeline, engagementEvent, event.getSequenceNumber(), event.getTimestamp(), event.getMetaData());
            }
        }
        return java.util.Optional.ofNullable(timeline);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
