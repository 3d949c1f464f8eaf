package org.casebook.shared.value;

/** The kind of capital a client obtained. */
public enum FinancingInstrument {
    LOAN, EQUITY, GRANT, CREDIT_LINE, OWNER_INVESTMENT
}
