package org.casebook.shared.value;

/**
 * The client enterprise as taken in.
 *
 * @param taxId     the national tax identifier (RTN, NIT, RNC, TRN...); may be absent for a pre-venture
 * @param country   ISO 3166 alpha-2
 * @param sector    economic activity code (ISIC / CIIU), for instance {@code 1071}
 * @param legalForm for instance {@code SOLE_PROPRIETOR}; the codes vary by country
 */
public record Enterprise(String name, String taxId, String country, String sector, Stage stage, String legalForm) {
}
