package org.casebook.shared.summary;

import java.util.Locale;

import org.casebook.shared.event.BusinessStartReported;
import org.casebook.shared.event.CounselingSessionCorrected;
import org.casebook.shared.event.CounselingSessionLogged;
import org.casebook.shared.event.CounselingSessionVoided;
import org.casebook.shared.event.CounselorAssigned;
import org.casebook.shared.event.EngagementClosed;
import org.casebook.shared.event.EngagementEvent;
import org.casebook.shared.event.EngagementOpened;
import org.casebook.shared.event.EngagementReopened;
import org.casebook.shared.event.EngagementTransferred;
import org.casebook.shared.event.FinancingObtained;
import org.casebook.shared.event.FormalizationReported;
import org.casebook.shared.event.PersonalDataErased;
import org.casebook.shared.event.JobsReported;
import org.casebook.shared.event.ResultAttested;
import org.casebook.shared.event.ResultCorrected;
import org.casebook.shared.event.ResultRejected;
import org.casebook.shared.event.ResultReopened;
import org.casebook.shared.event.ResultVerified;
import org.casebook.shared.event.ResultWithdrawn;
import org.casebook.shared.event.SalesIncreaseReported;
import org.casebook.shared.refusal.Refusal;

/**
 * A one-line account of an engagement event in Spanish or English, for timelines and audit histories.
 * Written without personal data (no names, contacts or notes), so it may be shown to anyone who may
 * see the event at all. The phrases live in {@code summaries*.properties} beside the refusals.
 */
public final class EventSummaries {

    private EventSummaries() {
    }

    public static String summarize(EngagementEvent event, Locale locale) {
        if (event instanceof EngagementOpened e) {
            return say(locale, "summary.opened", e.centerId(), e.intakeDate(), e.enterprise().stage());
        }
        if (event instanceof CounselorAssigned e) {
            return say(locale, "summary.counselor-assigned", e.counselorId());
        }
        if (event instanceof EngagementTransferred e) {
            return say(locale, "summary.transferred", e.fromCenterId(), e.toCenterId(), e.effectiveDate());
        }
        if (event instanceof EngagementClosed e) {
            return say(locale, "summary.closed", e.reason());
        }
        if (event instanceof EngagementReopened) {
            return say(locale, "summary.reopened");
        }
        if (event instanceof CounselingSessionLogged e) {
            return say(locale, "summary.session-logged", e.date(), e.type(), e.area(), e.contactMinutes(),
                    e.prepMinutes(), e.travelMinutes());
        }
        if (event instanceof CounselingSessionCorrected e) {
            return say(locale, "summary.session-corrected", e.date(), e.type(), e.area(), e.contactMinutes(),
                    e.prepMinutes(), e.travelMinutes());
        }
        if (event instanceof CounselingSessionVoided) {
            return say(locale, "summary.session-voided");
        }
        if (event instanceof FinancingObtained e) {
            return say(locale, "summary.financing", e.instrument(), e.amount().amount().toPlainString(),
                    e.amount().currency(), e.dateObtained());
        }
        if (event instanceof JobsReported e) {
            return say(locale, "summary.jobs", e.fullTimeCreated(), e.partTimeCreated(), e.retained(), e.date());
        }
        if (event instanceof SalesIncreaseReported e) {
            return say(locale, "summary.sales", e.baselineSales().amount().toPlainString(),
                    e.newSales().amount().toPlainString(), e.newSales().currency(), e.periodStart(), e.periodEnd());
        }
        if (event instanceof BusinessStartReported e) {
            return say(locale, "summary.business-start", e.date());
        }
        if (event instanceof FormalizationReported e) {
            return say(locale, "summary.formalization", e.registrationKind(), e.date());
        }
        if (event instanceof ResultCorrected) {
            return say(locale, "summary.result-corrected");
        }
        if (event instanceof ResultAttested e) {
            return say(locale, "summary.result-attested", e.method(), e.date());
        }
        if (event instanceof ResultVerified) {
            return say(locale, "summary.result-verified");
        }
        if (event instanceof ResultRejected) {
            return say(locale, "summary.result-rejected");
        }
        if (event instanceof ResultWithdrawn) {
            return say(locale, "summary.result-withdrawn");
        }
        if (event instanceof ResultReopened) {
            return say(locale, "summary.result-reopened");
        }
        if (event instanceof PersonalDataErased) {
            return say(locale, "summary.personal-data-erased");
        }
        return event.getClass().getSimpleName();
    }

    private static String say(Locale locale, String key, Object... arguments) {
        Object[] texts = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            texts[i] = String.valueOf(arguments[i]);
        }
        return Refusal.message(key, locale, prepend(texts));
    }

    /** Messages keep {0} for a field; summaries start at {1}. */
    private static Object[] prepend(Object[] texts) {
        Object[] all = new Object[texts.length + 1];
        System.arraycopy(texts, 0, all, 1, texts.length);
        return all;
    }
}
