package org.casebook.shared.value;

/** What the client agreed to at intake. */
public record Consents(boolean shareWithFunders, boolean surveys) {
}
