package org.casebook.shared.value;

/** The enterprise's situation at intake, against which results are measured. */
public record Baseline(int fullTimeEmployees, int partTimeEmployees, Money annualSales) {
}
