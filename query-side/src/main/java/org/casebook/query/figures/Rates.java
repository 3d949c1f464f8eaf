package org.casebook.query.figures;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;

/** US$ per unit of a currency in a month, as known at the report's time. */
public interface Rates {

    Optional<BigDecimal> usdPerUnit(String currency, YearMonth month);
}
