package org.casebook.query.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.casebook.query.access.ReaderPolicy;
import org.casebook.query.audit.AuditExports;
import org.casebook.query.audit.AuditHistory;
import org.casebook.query.audit.AuditPdf;
import org.casebook.query.audit.AuditRecords;
import org.casebook.query.audit.SigningKey;
import org.casebook.query.engagement.EngagementView;
import org.casebook.query.store.DocumentCollection;
import org.casebook.shared.actor.Actor;
import org.casebook.shared.audit.AuditChain;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ProgrammeCode;
import org.casebook.shared.refusal.Refusal;
import org.casebook.shared.refusal.RefusalKind;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Audit histories, their verification, and donor exports. Histories come from PostgreSQL (the source of
 * truth), not from the read models; every reading is itself recorded. Directors of the engagement's
 * center read personal data; donors only where the client consented to sharing it with funders.
 */
@RestController
public class AuditController {

    private final AuditHistory history;
    private final AuditRecords records;
    private final AuditExports exports;
    private final DocumentCollection<EngagementView> views;
    private final SigningKey signingKey;
    private final Clock clock;

    public AuditController(AuditHistory history, AuditRecords records, AuditExports exports,
                           DocumentCollection<EngagementView> views, SigningKey signingKey, Clock clock) {
        this.signingKey = signingKey;
        this.history = history;
        this.records = records;
        this.exports = exports;
        this.views = views;
        this.clock = clock;
    }

    /**
     * The history as JSON, or as {@code text/csv} or {@code application/pdf} when the Accept header (or
     * {@code ?format=csv|pdf}) asks for it. One handler decides, so a browser's {@code Accept: *&#47;*} gets JSON.
     */
    @GetMapping(path = "/api/engagements/{id}/audit")
    public ResponseEntity<?> audit(Actor actor, @PathVariable EngagementId id, Locale locale,
                                   @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                                   @RequestParam(required = false) String format) {
        String wanted = format != null ? format.toLowerCase(Locale.ROOT)
                : accept != null && accept.contains(MediaType.APPLICATION_PDF_VALUE) ? "pdf"
                : accept != null && accept.contains(Csv.MEDIA_TYPE) ? "csv" : "json";
        Locale language = locale == null ? Locale.ENGLISH : locale;
        return switch (wanted) {
            case "pdf" -> auditPdf(read(actor, id, language, "history-pdf"), language);
            case "csv" -> auditCsv(read(actor, id, language, "history-csv"));
            case "json" -> {
                AuditHistory.Read read = read(actor, id, language, "history-json");
                yield ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                        .body(new AuditHistoryResponse(read.engagementId(), read.personalData(), read.entries()));
            }
            default -> throw Refusal.invalid("field-invalid", "format", "json, csv or pdf");
        };
    }

    public record AuditHistoryResponse(String engagementId, String personalData, List<AuditHistory.Entry> events) {
    }

    /** One event of an audit history as a spreadsheet row; the payload as JSON text. */
    @JsonPropertyOrder({"sequence", "recordedAt", "type", "actor", "userId", "role", "centerId", "correlationId",
            "summary", "hash", "previousHash", "payload", "importedFrom", "importBatch", "legacyId",
            "legacyVerifiedBy", "legacyDate"})
    public record AuditRow(long sequence, String recordedAt, String type, String actor, String userId, String role,
                           String centerId,
                           String correlationId, String summary, String hash, String previousHash, String payload,
                           String importedFrom, String importBatch, String legacyId, String legacyVerifiedBy,
                           String legacyDate) {
    }

    private static ResponseEntity<String> auditCsv(AuditHistory.Read read) {
        List<AuditRow> rows = new ArrayList<>();
        for (AuditHistory.Entry entry : read.entries()) {
            rows.add(new AuditRow(entry.sequence(), entry.recordedAt().toString(), entry.type(),
                    entry.actor().userId() + " (" + entry.actor().role() + ")", entry.actor().userId(),
                    entry.actor().role(), entry.centerId(), entry.correlationId(), entry.summary(), entry.hash(),
                    entry.previousHash(), entry.payload() == null ? null : entry.payload().toString(),
                    entry.imported() == null ? null : entry.imported().system(),
                    entry.imported() == null ? null : entry.imported().batchId(),
                    entry.imported() == null ? null : entry.imported().legacyId(),
                    entry.legacyVerification() == null ? null : entry.legacyVerification().verifiedBy(),
                    entry.legacyVerification() == null || entry.legacyVerification().date() == null ? null
                            : entry.legacyVerification().date().toString()));
        }
        return Csv.of(rows, AuditRow.class, "audit-" + read.engagementId() + ".csv");
    }

    private ResponseEntity<byte[]> auditPdf(AuditHistory.Read read, Locale locale) {
        AuditChain.Verification verification = records.verify(read.engagementId());
        String verdict = verification.valid() ? "chain valid, head " + verification.headHash()
                : "CHAIN BROKEN at event " + verification.firstBrokenSequence() + " (" + verification.problem() + ")";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-" + read.engagementId() + ".pdf\"")
                .body(AuditPdf.render(read, verdict, clock.instant(), locale));
    }

    @GetMapping(path = "/api/engagements/{id}/audit/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    public AuditChain.Verification verification(Actor actor, @PathVariable EngagementId id) {
        if (!ReaderPolicy.of(actor).checksChain(views.find(id.value()))) {
            throw Refusal.notFound("engagement-not-found", id);
        }
        AuditChain.Verification verification = records.verify(id.value());
        if (verification.events() == 0 && verification.valid()) {
            throw Refusal.notFound("engagement-not-found", id);
        }
        records.recordReading(actor, "verification", id.value(), null, null);
        return verification;
    }

    /** Who read an engagement's audit history (or, without one, any), newest first. */
    @GetMapping(path = "/api/audit/readings", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<AuditRecords.Reading> readings(Actor actor, @RequestParam(required = false) EngagementId engagementId,
                                               @RequestParam(defaultValue = "200") int limit) {
        ReaderPolicy reader = ReaderPolicy.of(actor);
        if (!reader.seesAllReadings()) {
            if (engagementId == null) {
                throw Refusal.required("engagementId");
            }
            if (!views.find(engagementId.value()).map(reader::seesReadings).orElse(false)) {
                throw Refusal.notFound("engagement-not-found", engagementId);
            }
        }
        return records.readings(engagementId == null ? null : engagementId.value(), Math.max(1, Math.min(limit, 1000)));
    }

    /** The key export manifests are signed with: donors pin its fingerprint and give it to the verifier. */
    @GetMapping(path = "/api/audit/signing-key", produces = MediaType.APPLICATION_JSON_VALUE)
    public SigningKey.Published signingKey() {
        return signingKey.published();
    }

    @GetMapping(path = "/api/audit/exports")
    public ResponseEntity<StreamingResponseBody> export(Actor actor, @RequestParam ProgrammeCode programme,
                                                        @RequestParam LocalDate from, @RequestParam LocalDate to,
                                                        Locale locale) {
        if (!ReaderPolicy.of(actor).exports(programme)) {
            throw new Refusal(RefusalKind.FORBIDDEN, "programme-not-yours", "programme", programme);
        }
        if (to.isBefore(from)) {
            throw Refusal.rule("period-ends-before-start", "to", from, to);
        }
        Path bundle = exports.write(actor, programme, from, to, locale == null ? Locale.ENGLISH : locale);
        records.recordReading(actor, "export", null, programme.value(), from + "/" + to);
        StreamingResponseBody body = out -> {
            try {
                Files.copy(bundle, out);
            } finally {
                Files.deleteIfExists(bundle);
            }
        };
        try {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson"))
                    .contentLength(Files.size(bundle))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"casebook-audit-" + programme.value()
                            + "-" + from + "-" + to + ".jsonl\"")
                    .body(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AuditHistory.Read read(Actor actor, EngagementId id, Locale locale, String what) {
        ReaderPolicy.Sight sight = views.find(id.value()).map(ReaderPolicy.of(actor)::auditHistory)
                .orElse(ReaderPolicy.Sight.NONE);
        if (!sight.any()) {
            // One the reader may not see answers as one that does not exist.
            throw Refusal.notFound("engagement-not-found", id);
        }
        AuditHistory.Read read = history.read(id.value(), sight == ReaderPolicy.Sight.FULL,
                locale == null ? Locale.ENGLISH : locale);
        records.recordReading(actor, what, id.value(), null, null);
        return read;
    }
}
