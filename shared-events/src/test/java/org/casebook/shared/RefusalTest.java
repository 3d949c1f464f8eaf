package org.casebook.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Properties;

import org.casebook.shared.refusal.Refusal;
import org.junit.jupiter.api.Test;

class RefusalTest {

    @Test
    void speaksSpanishAndEnglishAndFallsBackToEnglish() {
        Refusal refusal = Refusal.rule("date-before-intake", "date", "2026-03-01", "2026-03-02");
        assertThat(refusal.message(Locale.ENGLISH))
                .isEqualTo("The date in \"date\" (2026-03-01) is before the intake date (2026-03-02).");
        assertThat(refusal.message(Locale.forLanguageTag("es-HN")))
                .isEqualTo("La fecha en \"date\" (2026-03-01) es anterior a la fecha de ingreso (2026-03-02).");
        assertThat(refusal.message(Locale.FRENCH)).isEqualTo(refusal.message(Locale.ENGLISH));
    }

    @Test
    void canNameTheFullPathOfTheField() {
        Refusal refusal = Refusal.rule("currency-unknown", "currency", "LEM").atField("amount.currency");
        assertThat(refusal.field()).isEqualTo("amount.currency");
        assertThat(refusal.message(Locale.ENGLISH)).contains("\"amount.currency\"").contains("LEM");
    }

    @Test
    void everyCodeHasBothLanguages() throws Exception {
        Properties english = load("refusals.properties");
        Properties spanish = load("refusals_es.properties");
        assertThat(spanish.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
    }

    private static Properties load(String name) throws Exception {
        Properties properties = new Properties();
        try (var in = Refusal.class.getResourceAsStream(name)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
