package org.casebook.shared.value;

import org.casebook.shared.personal.PersonalData;

/** How to reach the client. Personal data. */
public record Contact(@PersonalData String email, @PersonalData String phone) {
}
