package org.casebook.shared.value;

import org.casebook.shared.personal.PersonalData;

/**
 * The client enterprise as taken in.
 *
 * @param taxId     the national tax identifier (RTN, NIT, RNC, TRN...); may be absent for a pre-venture.
 *                  Personal data: for a sole proprietor it is the owner's own identifier
 * @param country   ISO 3166 alpha-2
 * @param sector    economic activity code (ISIC / CIIU), for instance {@code 1071}
 * @param legalForm for instance {@code SOLE_PROPRIETOR}; the codes vary by country
 */
public record Enterprise(String name, @PersonalData String taxId, String country, String sector, Stage stage, String legalForm) {
}
