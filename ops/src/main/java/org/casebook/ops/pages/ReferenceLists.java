package org.casebook.ops.pages;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The centers and programmes defined so far, and each country's currency, for the pages' choices. */
@Component
public class ReferenceLists {

    /** The currency a country's centers count money in. */
    static final Map<String, String> CURRENCIES = Map.ofEntries(Map.entry("HN", "HNL"), Map.entry("GT", "GTQ"),
            Map.entry("SV", "USD"), Map.entry("NI", "NIO"), Map.entry("CR", "CRC"), Map.entry("PA", "PAB"),
            Map.entry("DO", "DOP"), Map.entry("MX", "MXN"), Map.entry("BZ", "BZD"), Map.entry("JM", "JMD"),
            Map.entry("LC", "XCD"), Map.entry("DM", "XCD"), Map.entry("BB", "BBD"), Map.entry("US", "USD"));

    /** The counseling areas the network works in. */
    static final List<String> AREAS = List.of("FINANCE", "MARKETING", "OPERATIONS", "LEGAL", "TECHNOLOGY", "EXPORT");

    public record Center(String id, String name, String country) {
        public String currency() {
            return CURRENCIES.getOrDefault(country, "USD");
        }
    }

    public record Programme(String code, String name, String funder) {
    }

    private final JdbcTemplate jdbc;

    public ReferenceLists(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Center> centers() {
        return jdbc.query("SELECT center_id, name, country FROM center ORDER BY country, center_id",
                (row, i) -> new Center(row.getString(1), row.getString(2), row.getString(3)));
    }

    public Optional<Center> center(String id) {
        return centers().stream().filter(center -> center.id().equals(id)).findFirst();
    }

    public List<Programme> programmes() {
        return jdbc.query("SELECT code, name, funder FROM programme ORDER BY code",
                (row, i) -> new Programme(row.getString(1), row.getString(2), row.getString(3)));
    }

    public List<String> countries() {
        return centers().stream().map(Center::country).distinct().sorted().toList();
    }
}
