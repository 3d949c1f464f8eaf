package org.casebook.query.reference;

/** A service center as the read side knows it: its name and country, for scopes and reports. */
public record CenterView(String id, String name, String country, long lastSequence) {
}
