package org.casebook.command.engagement;

import static org.casebook.shared.refusal.Checks.LONG_TEXT;
import static org.casebook.shared.refusal.Checks.optionalText;
import static org.casebook.shared.refusal.Checks.required;
import static org.casebook.shared.refusal.Checks.requiredText;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.CounselorId;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ResultId;
import org.casebook.shared.id.SessionId;
import org.casebook.shared.refusal.Refusal;
import org.casebook.shared.value.AttestationMethod;
import org.casebook.shared.value.ClosureReason;
import org.casebook.shared.value.ResultDetails;

/**
 * The commands of an engagement's life after intake. Each checks its own shape (required fields,
 * lengths); the engagement checks everything that depends on its history, on time or on who asks.
 */
public final class Commands {

    private Commands() {
    }

    public record AssignCounselor(@TargetAggregateIdentifier EngagementId engagementId, CounselorId counselorId) {
        public AssignCounselor {
            required(engagementId, "engagementId");
            required(counselorId, "counselorId");
        }
    }

    public record TransferEngagement(@TargetAggregateIdentifier EngagementId engagementId, CenterId toCenterId,
                                     CounselorId counselorId, LocalDate effectiveDate) {
        public TransferEngagement {
            required(engagementId, "engagementId");
            required(toCenterId, "toCenterId");
            required(counselorId, "counselorId");
            required(effectiveDate, "effectiveDate");
        }
    }

    public record CloseEngagement(@TargetAggregateIdentifier EngagementId engagementId, ClosureReason reason,
                                  String note) {
        public CloseEngagement {
            required(engagementId, "engagementId");
            required(reason, "reason");
            if (!reason.isChosenByPeople()) {
                throw Refusal.invalid("closure-reason-reserved", "reason", reason);
            }
            note = optionalText(note, "note", LONG_TEXT);
        }
    }

    public record ReopenEngagement(@TargetAggregateIdentifier EngagementId engagementId, String reason) {
        public ReopenEngagement {
            required(engagementId, "engagementId");
            reason = requiredReason(reason);
        }
    }

    public record CorrectCounselingSession(@TargetAggregateIdentifier EngagementId engagementId, SessionId sessionId,
                                           LogCounselingSession values, String reason) {
        public CorrectCounselingSession {
            required(engagementId, "engagementId");
            required(sessionId, "sessionId");
            required(values, "values");
            reason = requiredReason(reason);
        }
    }

    public record VoidCounselingSession(@TargetAggregateIdentifier EngagementId engagementId, SessionId sessionId,
                                        String reason) {
        public VoidCounselingSession {
            required(engagementId, "engagementId");
            required(sessionId, "sessionId");
            reason = requiredReason(reason);
        }
    }

    /** Claim a result of any kind: financing, jobs, a sales increase, a business start, a formalization. */
    public record ReportResult(@TargetAggregateIdentifier EngagementId engagementId, ResultId resultId,
                               ResultDetails details) {
        public ReportResult {
            required(engagementId, "engagementId");
            required(resultId, "resultId");
            details = ResultRules.shape(required(details, "details"));
        }
    }

    public record CorrectResult(@TargetAggregateIdentifier EngagementId engagementId, ResultId resultId,
                                ResultDetails details, String reason) {
        public CorrectResult {
            required(engagementId, "engagementId");
            required(resultId, "resultId");
            details = ResultRules.shape(required(details, "details"));
            reason = requiredReason(reason);
        }
    }

    public record AttestResult(@TargetAggregateIdentifier EngagementId engagementId, ResultId resultId,
                               AttestationMethod method, String evidenceRef, String evidenceSha256, LocalDate date) {
        public AttestResult {
            required(engagementId, "engagementId");
            required(resultId, "resultId");
            required(method, "method");
            if (method == AttestationMethod.LEGACY_RECORD) {
                throw Refusal.invalid("attestation-method-reserved", "method", method);
            }
            evidenceRef = requiredText(evidenceRef, "evidenceRef");
            evidenceSha256 = ResultRules.sha256(evidenceSha256);
            required(date, "date");
        }
    }

    public record VerifyResult(@TargetAggregateIdentifier EngagementId engagementId, ResultId resultId) {
        public VerifyResult {
            required(engagementId, "engagementId");
            required(resultId, "resultId");
        }
    }

    public record RejectResult(@TargetAggregateIdentifier EngagementId engagementId, ResultId resultId, String reason) {
        public RejectResult {
            required(engagementId, "engagementId");
            required(resultId, "resultId");
            reason = requiredReason(reason);
        }
    }

    public record WithdrawResult(@TargetAggregateIdentifier EngagementId engagementId, ResultId resultId,
                                 String reason) {
        public WithdrawResult {
            required(engagementId, "engagementId");
            required(resultId, "resultId");
            reason = requiredReason(reason);
        }
    }

    public record ReopenResult(@TargetAggregateIdentifier EngagementId engagementId, ResultId resultId, String reason) {
        public ReopenResult {
            required(engagementId, "engagementId");
            required(resultId, "resultId");
            reason = requiredReason(reason);
        }
    }

    /** Erase the client's personal data (an administrator, or a director of the engagement's center). */
    public record ErasePersonalData(@TargetAggregateIdentifier EngagementId engagementId, String reason) {
        public ErasePersonalData {
            required(engagementId, "engagementId");
            reason = requiredReason(reason);
        }
    }

    static String requiredReason(String reason) {
        return optionalText(requiredText(reason, "reason"), "reason", LONG_TEXT);
    }
}
