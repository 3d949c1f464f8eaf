package org.casebook.shared.value;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What a result says, by kind. Stored with a {@code kind} property that names the kind. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(ResultDetails.Financing.class),
        @JsonSubTypes.Type(ResultDetails.Jobs.class),
        @JsonSubTypes.Type(ResultDetails.SalesIncrease.class),
        @JsonSubTypes.Type(ResultDetails.BusinessStart.class),
        @JsonSubTypes.Type(ResultDetails.Formalization.class)})
public sealed interface ResultDetails {

    /** The business date the result is counted on. */
    LocalDate date();

    /** The kind, as it is named in JSON: FINANCING, JOBS, SALES_INCREASE, BUSINESS_START, FORMALIZATION. */
    @JsonIgnore
    default String kind() {
        return getClass().getAnnotation(JsonTypeName.class).value();
    }

    @JsonTypeName("FINANCING")
    record Financing(FinancingInstrument instrument, String source, Money amount, LocalDate dateObtained)
            implements ResultDetails {
        @Override
        public LocalDate date() {
            return dateObtained;
        }
    }

    /** Jobs as of a date: full-time and part-time jobs created, jobs retained. */
    @JsonTypeName("JOBS")
    record Jobs(LocalDate date, int fullTimeCreated, int partTimeCreated, int retained) implements ResultDetails {
    }

    /** New sales against baseline sales over a stated period; counted on the period's end. */
    @JsonTypeName("SALES_INCREASE")
    record SalesIncrease(LocalDate periodStart, LocalDate periodEnd, Money baselineSales, Money newSales)
            implements ResultDetails {
        @Override
        public LocalDate date() {
            return periodEnd;
        }
    }

    @JsonTypeName("BUSINESS_START")
    record BusinessStart(LocalDate date, String registrationNumber) implements ResultDetails {
    }

    @JsonTypeName("FORMALIZATION")
    record Formalization(LocalDate date, String registrationKind) implements ResultDetails {
    }
}
