package org.casebook.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.casebook.shared.json.CasebookJson;
import org.casebook.shared.refusal.Refusal;
import org.casebook.shared.value.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    private final ObjectMapper json = CasebookJson.newMapper();

    @ParameterizedTest
    @ValueSource(strings = {"HNL", "GTQ", "NIO", "CRC", "PAB", "DOP", "BZD", "JMD", "XCD", "BBD", "MXN", "USD", "EUR"})
    void acceptsTheNetworksCurrencies(String code) {
        assertThat(Money.of("1.00", code).currency()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"LEM", "hnl", "XXX", "XTS", "US", "USDX"})
    void refusesWhatIsNotAnIsoCurrency(String code) {
        assertThatThrownBy(() -> Money.of("1.00", code))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo("currency-unknown");
                    assertThat(refusal.field()).isEqualTo("currency");
                });
    }

    @Test
    void travelsAsADecimalStringAndComesBackExact() throws Exception {
        Money money = Money.of("84210.55", "HNL");
        String text = json.writeValueAsString(money);
        assertThat(text).isEqualTo("{\"amount\":\"84210.55\",\"currency\":\"HNL\"}");
        assertThat(json.readValue(text, Money.class)).isEqualTo(money);
        assertThat(json.readValue("{\"amount\":0.1,\"currency\":\"USD\"}", Money.class).amount())
                .isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void knowsTheMinorUnitOfItsCurrency() {
        assertThat(Money.of("10.50", "HNL").fitsMinorUnit()).isTrue();
        assertThat(Money.of("10.500", "HNL").fitsMinorUnit()).isTrue();
        assertThat(Money.of("10.505", "HNL").fitsMinorUnit()).isFalse();
        assertThat(Money.of("10", "JPY").fitsMinorUnit()).isTrue();
        assertThat(Money.of("10.5", "JPY").fitsMinorUnit()).isFalse();
    }
}
