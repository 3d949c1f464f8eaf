package org.casebook.command.engagement;

import static org.casebook.shared.refusal.Checks.required;
import static org.casebook.shared.refusal.Checks.requiredText;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casebook.command.engagement.Commands.ReportResult;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.imported.Imported;
import org.casebook.shared.imported.Imported.LegacyVerification;
import org.casebook.shared.refusal.Refusal;
import org.casebook.shared.value.ClosureReason;
import org.casebook.shared.value.ResultStatus;

/**
 * Brings one engagement's history across from the legacy system it was kept in: the intake, its
 * sessions, its results with the evidence state the legacy system gave them, and its closure. The
 * engagement decides it by the same rules as the commands a counselor sends, in one transaction for the
 * whole history. Sent again, it adds only the sessions and results the engagement does not have yet.
 *
 * @param provenance the import batch, the legacy system and the engagement row's legacy id
 * @param closure    how the legacy system closed the engagement, or null while it is open
 */
public record ImportEngagementHistory(
        @TargetAggregateIdentifier EngagementId engagementId,
        Imported provenance,
        OpenEngagement intake,
        List<ImportedSession> sessions,
        List<ImportedResult> results,
        Closure closure) {

    public ImportEngagementHistory {
        required(engagementId, "engagementId");
        required(provenance, "provenance");
        required(intake, "intake");
        if (!intake.engagementId().equals(engagementId)) {
            throw Refusal.invalid("import-engagement-mismatch", "intake.engagementId", intake.engagementId());
        }
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
        results = results == null ? List.of() : List.copyOf(results);
    }

    /** A session row: its legacy id and the session it records. */
    public record ImportedSession(String legacyId, LogCounselingSession session) {
        public ImportedSession {
            legacyId = requiredText(legacyId, "legacyId");
            required(session, "session");
        }
    }

    /** A result row: its legacy id, the result, and the evidence the legacy system had for it. */
    public record ImportedResult(String legacyId, ReportResult report, LegacyEvidence evidence) {
        public ImportedResult {
            legacyId = requiredText(legacyId, "legacyId");
            required(report, "report");
            evidence = evidence == null ? new LegacyEvidence(ResultStatus.CLAIMED, null, null, null) : evidence;
        }
    }

    /**
     * The evidence state the legacy system gave a result. An attested or verified result has its
     * evidence reference and SHA-256, as one attested in Casebook does; a verified one also says who
     * verified it in the legacy system and when.
     */
    public record LegacyEvidence(ResultStatus state, String evidenceRef, String evidenceSha256,
                                 LegacyVerification verification) {
        public LegacyEvidence {
            state = state == null ? ResultStatus.CLAIMED : state;
            if (state == ResultStatus.ATTESTED || state == ResultStatus.VERIFIED) {
                evidenceRef = requiredText(evidenceRef, "evidenceRef");
                evidenceSha256 = ResultRules.sha256(evidenceSha256);
            }
            if (state == ResultStatus.VERIFIED) {
                required(verification, "verifiedDate");
                requiredText(verification.verifiedBy(), "verifiedBy");
                required(verification.date(), "verifiedDate");
            }
        }
    }

    /** The legacy system's closure: its date and reason. */
    public record Closure(java.time.LocalDate date, ClosureReason reason) {
        public Closure {
            required(date, "closedDate");
            required(reason, "closureReason");
            if (!reason.isChosenByPeople()) {
                throw Refusal.invalid("closure-reason-reserved", "closureReason", reason);
            }
        }
    }

    /**
     * What the engagement took in: whether this command opened it, the ids of the sessions and results
     * it added, and how many of the rows it already had. {@code revoked}: the engagement's import was
     * revoked, and it takes nothing in again.
     */
    public record Outcome(boolean opened, List<String> sessionIds, List<String> resultIds, int sessionsSkipped,
                          int resultsSkipped, boolean closed, boolean revoked) {
    }

    /**
     * Revokes what an import batch brought into the engagement: an engagement the batch opened is closed
     * as imported in error (never deleted: it stays in the audit history); sessions and results the
     * batch added to an engagement opened before it are voided and withdrawn.
     */
    public record RevokeImport(@TargetAggregateIdentifier EngagementId engagementId, String batchId,
                               List<String> sessionIds, List<String> resultIds) {
        public RevokeImport {
            required(engagementId, "engagementId");
            batchId = requiredText(batchId, "batchId");
            sessionIds = sessionIds == null ? List.of() : List.copyOf(sessionIds);
            resultIds = resultIds == null ? List.of() : List.copyOf(resultIds);
        }
    }
}
