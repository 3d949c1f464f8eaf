package org.casebook.query.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.mongodb.client.model.Filters;
import org.casebook.query.engagement.EngagementView;
import org.casebook.query.store.DocumentCollection;
import org.casebook.shared.actor.Actor;
import org.casebook.shared.audit.AuditBundle;
import org.casebook.shared.audit.AuditBundle.EventLine;
import org.casebook.shared.audit.AuditBundle.Manifest;
import org.casebook.shared.audit.AuditBundle.ManifestEntry;
import org.casebook.shared.audit.AuditChain;
import org.casebook.shared.audit.StoredEvent;
import org.casebook.shared.id.ProgrammeCode;
import org.springframework.stereotype.Component;

/**
 * Writes the donor export of a programme and period (see {@link AuditBundle}): every engagement of the
 * programme taken in by the end of the period that was open in it or recorded anything from its start on,
 * with its whole history, its stored forms and hashes, and the personal data of those clients only who
 * consented to sharing it with funders. The manifest is signed with Casebook's {@link SigningKey}.
 */
@Component
public class AuditExports {

    private final AuditRecords records;
    private final AuditHistory history;
    private final DocumentCollection<EngagementView> views;
    private final SigningKey signingKey;
    private final Clock clock;

    public AuditExports(AuditRecords records, AuditHistory history, DocumentCollection<EngagementView> views,
                        SigningKey signingKey, Clock clock) {
        this.signingKey = signingKey;
        this.records = records;
        this.history = history;
        this.views = views;
        this.clock = clock;
    }

    /** The bundle as a temporary file; the caller sends it and deletes it. */
    public Path write(Actor reader, ProgrammeCode programme, LocalDate from, LocalDate to, Locale locale) {
        try {
            Path body = Files.createTempFile("casebook-audit-", ".events");
            Path bundle = Files.createTempFile("casebook-audit-", ".jsonl");
            try {
                List<ManifestEntry> entries = new ArrayList<>();
                MessageDigest digest = AuditBundle.digest();
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(body), digest)) {
                    for (EngagementView view : engagements(programme, to)) {
                        // The head and the events from one snapshot: what is appended meanwhile waits for the next export.
                        AuditRecords.Chain chain = records.chain(view.id());
                        java.util.Optional<AuditRecords.Head> recorded = chain.head();
                        List<StoredEvent> stored = chain.events();
                        String periodStart = from.toString();
                        boolean inPeriod = EngagementView.OPEN.equals(view.status())
                                || stored.stream().anyMatch(event -> event.timestamp().compareTo(periodStart) >= 0);
                        if (stored.isEmpty() || !inPeriod) {
                            continue;
                        }
                        AuditHistory.Read read = history.read(view.id(), false, locale);
                        Map<Long, AuditHistory.Entry> bySequence = new HashMap<>();
                        read.entries().forEach(entry -> bySequence.put(entry.sequence(), entry));
                        for (StoredEvent event : stored) {
                            AuditHistory.Entry entry = bySequence.get(event.sequence());
                            out.write(AuditBundle.line(EventLine.of(event, entry == null ? null : entry.payload(),
                                    entry == null ? null : entry.summary())));
                        }
                        AuditRecords.Head head = recorded.orElseGet(() -> new AuditRecords.Head(
                                stored.size(), AuditChain.entry(stored.get(stored.size() - 1).metaData(), AuditChain.HASH)));
                        entries.add(new ManifestEntry(view.id(), head.events(), head.hash(), read.personalData()));
                    }
                }
                Manifest manifest = AuditBundle.sign(new Manifest(AuditBundle.FORMAT, programme.value(), from.toString(),
                        to.toString(), clock.instant().toString(), reader.userId(), entries,
                        java.util.HexFormat.of().formatHex(digest.digest()), null), signingKey.keys());
                try (OutputStream out = Files.newOutputStream(bundle)) {
                    out.write(AuditBundle.manifestLine(manifest));
                    Files.copy(body, out);
                }
                return bundle;
            } finally {
                Files.deleteIfExists(body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The audit export could not be written", e);
        }
    }

    private List<EngagementView> engagements(ProgrammeCode programme, LocalDate to) {
        return StreamSupport.stream(views.each(Filters.eq("programmes", programme.value())).spliterator(), false)
                .filter(view -> !view.intakeDate().isAfter(to))
                .sorted(java.util.Comparator.comparing(EngagementView::id))
                .toList();
    }
}
