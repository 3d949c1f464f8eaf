package org.casebook.command.engagement;

import static org.casebook.shared.refusal.Checks.required;
import static org.casebook.shared.refusal.Checks.requiredText;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

import org.casebook.shared.refusal.Checks;
import org.casebook.shared.refusal.Refusal;
import org.casebook.shared.value.ResultDetails;

/** What each kind of result must satisfy. */
final class ResultRules {

    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    private ResultRules() {
    }

    /** The shape of a result's values: required fields present, texts tidy. */
    static ResultDetails shape(ResultDetails details) {
        if (details instanceof ResultDetails.Financing f) {
            return new ResultDetails.Financing(required(f.instrument(), "instrument"),
                    requiredText(f.source(), "source"), required(f.amount(), "amount"),
                    required(f.dateObtained(), "dateObtained"));
        }
        if (details instanceof ResultDetails.Jobs j) {
            return new ResultDetails.Jobs(required(j.date(), "date"), j.fullTimeCreated(), j.partTimeCreated(),
                    j.retained());
        }
        if (details instanceof ResultDetails.SalesIncrease s) {
            return new ResultDetails.SalesIncrease(required(s.periodStart(), "periodStart"),
                    required(s.periodEnd(), "periodEnd"), required(s.baselineSales(), "baselineSales"),
                    required(s.newSales(), "newSales"));
        }
        if (details instanceof ResultDetails.BusinessStart b) {
            return new ResultDetails.BusinessStart(required(b.date(), "date"),
                    requiredText(b.registrationNumber(), "registrationNumber"));
        }
        ResultDetails.Formalization f = (ResultDetails.Formalization) details;
        return new ResultDetails.Formalization(required(f.date(), "date"),
                requiredText(f.registrationKind(), "registrationKind"));
    }

    /** The rules of a result's values, given the engagement's intake date and today. */
    static void check(ResultDetails details, LocalDate intakeDate, Clock clock) {
        if (details instanceof ResultDetails.Financing f) {
            MoneyRules.positive(f.amount(), "amount");
            BusinessDates.withinEngagement("dateObtained", f.dateObtained(), intakeDate, clock);
        } else if (details instanceof ResultDetails.Jobs j) {
            Checks.notNegative(j.fullTimeCreated(), "fullTimeCreated");
            Checks.notNegative(j.partTimeCreated(), "partTimeCreated");
            Checks.notNegative(j.retained(), "retained");
            if (j.fullTimeCreated() + j.partTimeCreated() + j.retained() == 0) {
                throw Refusal.rule("jobs-empty", "fullTimeCreated");
            }
            BusinessDates.withinEngagement("date", j.date(), intakeDate, clock);
        } else if (details instanceof ResultDetails.SalesIncrease s) {
            if (!s.periodEnd().isAfter(s.periodStart())) {
                throw Refusal.rule("period-ends-before-start", "periodEnd", s.periodStart(), s.periodEnd());
            }
            MoneyRules.notNegative(s.baselineSales(), "baselineSales");
            MoneyRules.notNegative(s.newSales(), "newSales");
            BusinessDates.withinEngagement("periodEnd", s.periodEnd(), intakeDate, clock);
        } else {
            BusinessDates.withinEngagement("date", details.date(), intakeDate, clock);
        }
    }

    static String sha256(String value) {
        String hash = requiredText(value, "evidenceSha256").toLowerCase(Locale.ROOT);
        if (!SHA_256.matcher(hash).matches()) {
            throw Refusal.rule("sha256-invalid", "evidenceSha256");
        }
        return hash;
    }
}
