package org.casebook.ops.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casebook.command.engagement.Commands;
import org.casebook.command.engagement.ImportEngagementHistory;
import org.casebook.command.engagement.ImportEngagementHistory.ImportedResult;
import org.casebook.command.engagement.ImportEngagementHistory.ImportedSession;
import org.casebook.command.engagement.ImportEngagementHistory.LegacyEvidence;
import org.casebook.command.engagement.LogCounselingSession;
import org.casebook.command.engagement.OpenEngagement;
import org.casebook.shared.actor.Actor;
import org.casebook.shared.actor.Role;
import org.casebook.shared.imported.Imported;
import org.casebook.shared.imported.Imported.LegacyVerification;
import org.casebook.shared.value.ClosureReason;
import org.casebook.shared.value.ResultStatus;

/**
 * Takes the commands the demo-data generator would send for one engagement and keeps their outcome as
 * an import would bring it: the intake, the sessions with their latest values (voided ones left out), the
 * results with their latest values and evidence state, and the closure. Transfers are not part of an
 * import: they are refused, as a rule would refuse them, and the generator goes on without them.
 */
final class HistoryRecorder implements DemoDataGenerator.Sink {

    private OpenEngagement intake;
    private final Map<String, LogCounselingSession> sessions = new LinkedHashMap<>();
    private final Map<String, Result> results = new LinkedHashMap<>();
    private ClosureReason closure;
    private LocalDate last;

    /** A result as it stands so far. */
    private static final class Result {
        Commands.ReportResult report;
        ResultStatus state = ResultStatus.CLAIMED;
        String evidenceRef;
        String evidenceSha256;
        LocalDate attested;
        String verifiedBy;
    }

    @Override
    public boolean send(Actor actor, Object command, Role... roles) {
        if (command instanceof OpenEngagement open) {
            intake = open;
            seen(open.intakeDate());
        } else if (command instanceof LogCounselingSession session) {
            sessions.put(session.sessionId().value(), session);
            seen(session.date());
        } else if (command instanceof Commands.CorrectCounselingSession corrected) {
            sessions.put(corrected.sessionId().value(), corrected.values());
            seen(corrected.values().date());
        } else if (command instanceof Commands.VoidCounselingSession voided) {
            sessions.remove(voided.sessionId().value());
        } else if (command instanceof Commands.ReportResult report) {
            Result result = new Result();
            result.report = report;
            results.put(report.resultId().value(), result);
            seen(report.details().date());
        } else if (command instanceof Commands.CorrectResult corrected) {
            Result result = results.get(corrected.resultId().value());
            result.report = new Commands.ReportResult(corrected.engagementId(), corrected.resultId(), corrected.details());
        } else if (command instanceof Commands.AttestResult attest) {
            Result result = results.get(attest.resultId().value());
            result.state = ResultStatus.ATTESTED;
            result.evidenceRef = attest.evidenceRef();
            result.evidenceSha256 = attest.evidenceSha256();
            result.attested = attest.date();
            seen(attest.date());
        } else if (command instanceof Commands.VerifyResult verify) {
            Result result = results.get(verify.resultId().value());
            result.state = ResultStatus.VERIFIED;
            result.verifiedBy = actor.userId();
        } else if (command instanceof Commands.RejectResult reject) {
            results.get(reject.resultId().value()).state = ResultStatus.REJECTED;
        } else if (command instanceof Commands.WithdrawResult withdraw) {
            results.get(withdraw.resultId().value()).state = ResultStatus.WITHDRAWN;
        } else if (command instanceof Commands.CloseEngagement close) {
            closure = close.reason();
        } else {
            return false;
        }
        return true;
    }

    private void seen(LocalDate date) {
        if (last == null || date.isAfter(last)) {
            last = date;
        }
    }

    /** The engagement's history as one import command, or null if the generator never opened it. */
    ImportEngagementHistory history(String batchId, String system) {
        if (intake == null) {
            return null;
        }
        List<ImportedSession> sessionRows = new ArrayList<>();
        sessions.forEach((id, session) -> sessionRows.add(new ImportedSession(id, session)));
        List<ImportedResult> resultRows = new ArrayList<>();
        results.forEach((id, result) -> resultRows.add(new ImportedResult(id, result.report, new LegacyEvidence(
                result.state, result.evidenceRef, result.evidenceSha256, result.verifiedBy == null ? null
                : new LegacyVerification(result.verifiedBy, result.attested)))));
        return new ImportEngagementHistory(intake.engagementId(),
                new Imported(batchId, system, intake.engagementId().value()), intake, sessionRows, resultRows,
                closure == null ? null : new ImportEngagementHistory.Closure(last, closure));
    }
}
