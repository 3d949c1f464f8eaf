package org.casebook.ops.pages;

import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The language each person chose for the pages, kept in PostgreSQL with their account. */
@Component
public class PersonLanguages {

    public static final Locale SPANISH = Locale.forLanguageTag("es");
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final JdbcTemplate jdbc;

    public PersonLanguages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Locale> chosenBy(String username) {
        return jdbc.queryForList("SELECT language FROM person_language WHERE username = ?", String.class, username)
                .stream().findFirst().map(Locale::forLanguageTag);
    }

    public void choose(String username, Locale language) {
        jdbc.update("""
                INSERT INTO person_language (username, language) VALUES (?, ?)
                ON CONFLICT (username) DO UPDATE SET language = EXCLUDED.language, changed_at = now()""",
                username, supported(language).getLanguage());
    }

    /** Spanish or English: the languages Casebook speaks; anything else reads as English. */
    public static Locale supported(Locale locale) {
        return locale != null && SPANISH.getLanguage().equals(locale.getLanguage()) ? SPANISH : ENGLISH;
    }
}
