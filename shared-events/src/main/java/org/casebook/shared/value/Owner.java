package org.casebook.shared.value;

/** The owner of the enterprise. The name is personal data; gender and birth year feed breakdowns. */
public record Owner(String name, Gender gender, Integer birthYear) {
}
