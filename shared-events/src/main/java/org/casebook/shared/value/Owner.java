package org.casebook.shared.value;

import org.casebook.shared.personal.PersonalData;

/** The owner of the enterprise. The name is personal data; gender and birth year feed breakdowns. */
public record Owner(@PersonalData String name, Gender gender, Integer birthYear) {
}
