package org.casebook.shared.event;

import java.math.BigDecimal;
import java.time.YearMonth;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.axonframework.serialization.Revision;

/**
 * Reference data: how many US$ one unit of a currency was worth in a month. Set again, the later value
 * holds for figures from then on; as-of reports still see the value that held at their time.
 */
@Revision("1")
public record ExchangeRateSet(String currency, YearMonth month,
                              @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal usdPerUnit) {
}
