package org.casebook.shared.value;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What a result says, by kind. Stored with a {@code kind} property that names the kind. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ResultDetails.Financing.class, name = "FINANCING"),
        @JsonSubTypes.Type(value = ResultDetails.Jobs.class, name = "JOBS"),
        @JsonSubTypes.Type(value = ResultDetails.SalesIncrease.class, name = "SALES_INCREASE"),
        @JsonSubTypes.Type(value = ResultDetails.BusinessStart.class, name = "BUSINESS_START"),
        @JsonSubTypes.Type(value = ResultDetails.Formalization.class, name = "FORMALIZATION")})
public sealed interface ResultDetails {

    /** The business date the result is counted on. */
    LocalDate date();

    record Financing(FinancingInstrument instrument, String source, Money amount, LocalDate dateObtained)
            implements ResultDetails {
        @Override
        public LocalDate date() {
            return dateObtained;
        }
    }

    /** Jobs as of a date: full-time and part-time jobs created, jobs retained. */
    record Jobs(LocalDate date, int fullTimeCreated, int partTimeCreated, int retained) implements ResultDetails {
    }

    /** New sales against baseline sales over a stated period; counted on the period's end. */
    record SalesIncrease(LocalDate periodStart, LocalDate periodEnd, Money baselineSales, Money newSales)
            implements ResultDetails {
        @Override
        public LocalDate date() {
            return periodEnd;
        }
    }

    record BusinessStart(LocalDate date, String registrationNumber) implements ResultDetails {
    }

    record Formalization(LocalDate date, String registrationKind) implements ResultDetails {
    }
}
