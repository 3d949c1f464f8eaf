package org.casebook.ops;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard figures counted a second time, straight from the stored events, by code that shares
 * nothing with the projection or the calculator: the check that both count as the domain guide says.
 */
final class IndependentFigures {

    record Row(String aggregate, String type, JsonNode payload, Instant recordedAt) {
    }

    static final class Engagement {
        LocalDate intake;
        final List<String> programmes = new ArrayList<>();
        final List<Object[]> placements = new ArrayList<>();   // {center, from}
        final Map<String, Object[]> sessions = new LinkedHashMap<>(); // id -> {date, minutes, travel, voided}
        final Map<String, Object[]> results = new LinkedHashMap<>();  // id -> {details, status}

        String centerOn(LocalDate date) {
            String center = (String) placements.get(0)[0];
            LocalDate best = null;
            for (Object[] placement : placements) {
                LocalDate from = (LocalDate) placement[1];
                if (!from.isAfter(date) && (best == null || !from.isBefore(best))) {
                    best = from;
                    center = (String) placement[0];
                }
            }
            return center;
        }
    }

    private final List<Row> rows = new ArrayList<>();

    IndependentFigures(JdbcTemplate jdbc) {
        ObjectMapper json = new ObjectMapper();
        jdbc.query("""
                SELECT aggregate_identifier, payload_type, convert_from(payload, 'UTF8') AS payload, time_stamp
                  FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number""", result -> {
            try {
                String type = result.getString("payload_type");
                rows.add(new Row(result.getString("aggregate_identifier"), type.substring(type.lastIndexOf('.') + 1),
                        json.readTree(result.getString("payload")), Instant.parse(result.getString("time_stamp"))));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    List<Instant> recordingTimes() {
        return rows.stream().map(Row::recordedAt).sorted().toList();
    }

    private Map<String, Engagement> engagements(Instant asOf) {
        Map<String, Engagement> all = new HashMap<>();
        for (Row row : rows) {
            if (asOf != null && row.recordedAt().isAfter(asOf)) {
                continue;
            }
            JsonNode p = row.payload();
            if (row.type().equals("EngagementOpened")) {
                Engagement e = new Engagement();
                e.intake = LocalDate.parse(p.get("intakeDate").asText());
                p.path("programmes").forEach(programme -> e.programmes.add(programme.asText()));
                e.placements.add(new Object[] {p.get("centerId").asText(), e.intake});
                all.put(row.aggregate(), e);
                continue;
            }
            Engagement e = all.get(row.aggregate());
            if (e == null) {
                continue;
            }
            switch (row.type()) {
                case "EngagementTransferred" -> e.placements.add(new Object[] {p.get("toCenterId").asText(),
                        LocalDate.parse(p.get("effectiveDate").asText())});
                case "CounselingSessionLogged", "CounselingSessionCorrected" -> e.sessions.put(p.get("sessionId").asText(),
                        new Object[] {LocalDate.parse(p.get("date").asText()),
                                p.get("contactMinutes").asInt() + p.get("prepMinutes").asInt(),
                                p.get("travelMinutes").asInt(), false});
                case "CounselingSessionVoided" -> e.sessions.get(p.get("sessionId").asText())[3] = true;
                case "FinancingObtained", "JobsReported", "SalesIncreaseReported", "BusinessStartReported",
                     "FormalizationReported" -> e.results.put(p.get("resultId").asText(),
                        new Object[] {withKind(row.type(), p), "CLAIMED"});
                case "ResultCorrected" -> e.results.put(p.get("resultId").asText(), new Object[] {p.get("details"), "CLAIMED"});
                case "ResultAttested", "ResultReopened" -> e.results.get(p.get("resultId").asText())[1] = "ATTESTED";
                case "ResultVerified" -> e.results.get(p.get("resultId").asText())[1] = "VERIFIED";
                case "ResultRejected" -> e.results.get(p.get("resultId").asText())[1] = "REJECTED";
                case "ResultWithdrawn" -> e.results.get(p.get("resultId").asText())[1] = "WITHDRAWN";
                default -> { }
            }
        }
        return all;
    }

    private static JsonNode withKind(String type, JsonNode payload) {
        String kind = switch (type) {
            case "FinancingObtained" -> "FINANCING";
            case "JobsReported" -> "JOBS";
            case "SalesIncreaseReported" -> "SALES_INCREASE";
            case "BusinessStartReported" -> "BUSINESS_START";
            default -> "FORMALIZATION";
        };
        return ((com.fasterxml.jackson.databind.node.ObjectNode) payload.deepCopy()).put("kind", kind);
    }

    /** The US$ rates as of the time: currency|YYYY-MM -> rate. */
    private Map<String, BigDecimal> rates(Instant asOf) {
        Map<String, BigDecimal> rates = new HashMap<>();
        rows.stream().filter(row -> row.type().equals("ExchangeRateSet"))
                .filter(row -> asOf == null || !row.recordedAt().isAfter(asOf))
                .sorted((a, b) -> a.recordedAt().compareTo(b.recordedAt()))
                .forEach(row -> rates.put(row.payload().get("currency").asText() + "|" + row.payload().get("month").asText(),
                        new BigDecimal(row.payload().get("usdPerUnit").asText())));
        return rates;
    }

    /** The figures of one center over [from, to] as of a time, in the names of the dashboard's JSON. */
    Map<String, Object> center(String center, LocalDate from, LocalDate to, Instant asOf) {
        return scope(java.util.Set.of(center), from, to, asOf);
    }

    /**
     * The figures of some centers together over [from, to] as of a time: an engagement served by two
     * of them counts once, with its hours at both.
     */
    Map<String, Object> scope(java.util.Set<String> centers, LocalDate from, LocalDate to, Instant asOf) {
        return scope(centers, from, to, asOf, null);
    }

    /** The same, counting only the engagements of one programme ({@code null}: of any). */
    Map<String, Object> scope(java.util.Set<String> centers, LocalDate from, LocalDate to, Instant asOf,
                              String programme) {
        Map<String, BigDecimal> rates = rates(asOf);
        long served = 0;
        long newClients = 0;
        long longTerm = 0;
        long minutes = 0;
        long travel = 0;
        BigDecimal[] capitalUsd = {BigDecimal.ZERO, BigDecimal.ZERO};
        Map<String, BigDecimal> capitalLocal = new TreeMap<>();
        BigDecimal[] jobs = {BigDecimal.ZERO, BigDecimal.ZERO};
        long[] starts = new long[2];
        for (Engagement e : engagements(asOf).values()) {
            if (programme != null && !e.programmes.contains(programme)) {
                continue;
            }
            if (in(e.intake, from, to) && centers.contains(e.centerOn(e.intake))) {
                newClients++;
            }
            long mine = 0;
            boolean any = false;
            for (Object[] s : e.sessions.values()) {
                LocalDate date = (LocalDate) s[0];
                if (!(Boolean) s[3] && in(date, from, to) && centers.contains(e.centerOn(date))) {
                    any = true;
                    mine += (Integer) s[1];
                    travel += (Integer) s[2];
                }
            }
            minutes += mine;
            served += any ? 1 : 0;
            longTerm += mine >= 300 ? 1 : 0;
            for (Object[] r : e.results.values()) {
                JsonNode d = (JsonNode) r[0];
                String status = (String) r[1];
                if (status.equals("REJECTED") || status.equals("WITHDRAWN")) {
                    continue;
                }
                String kind = d.get("kind").asText();
                LocalDate date = LocalDate.parse(switch (kind) {
                    case "FINANCING" -> d.get("dateObtained").asText();
                    case "SALES_INCREASE" -> d.get("periodEnd").asText();
                    default -> d.get("date").asText();
                });
                if (!in(date, from, to) || !centers.contains(e.centerOn(date))) {
                    continue;
                }
                int times = status.equals("VERIFIED") ? 2 : 1;
                for (int i = 0; i < times; i++) {
                    switch (kind) {
                        case "FINANCING" -> {
                            String currency = d.at("/amount/currency").asText();
                            BigDecimal amount = new BigDecimal(d.at("/amount/amount").asText());
                            if (i == 0) {
                                capitalLocal.merge(currency, amount, BigDecimal::add);
                            }
                            BigDecimal rate = currency.equals("USD") ? BigDecimal.ONE
                                    : rates.get(currency + "|" + date.toString().substring(0, 7));
                            if (rate != null) {
                                capitalUsd[i] = capitalUsd[i].add(amount.multiply(rate));
                            }
                        }
                        case "JOBS" -> jobs[i] = jobs[i].add(BigDecimal.valueOf(d.get("fullTimeCreated").asInt()))
                                .add(BigDecimal.valueOf(d.get("partTimeCreated").asInt()).divide(BigDecimal.valueOf(2)));
                        case "BUSINESS_START" -> starts[i]++;
                        default -> { }
                    }
                }
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("clientsServed", served);
        figures.put("newClients", newClients);
        figures.put("longTermClients", longTerm);
        figures.put("counselingHours", BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_EVEN));
        figures.put("travelHours", BigDecimal.valueOf(travel).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_EVEN));
        figures.put("capitalObtainedUsd.claimed", capitalUsd[0].setScale(2, RoundingMode.HALF_EVEN).toPlainString());
        figures.put("capitalObtainedUsd.verified", capitalUsd[1].setScale(2, RoundingMode.HALF_EVEN).toPlainString());
        capitalLocal.forEach((currency, amount) -> figures.put("capitalObtainedByCurrency." + currency + ".claimed",
                amount.toPlainString()));
        figures.put("jobsCreated.claimed", jobs[0].stripTrailingZeros());
        figures.put("jobsCreated.verified", jobs[1].stripTrailingZeros());
        figures.put("businessStarts.claimed", starts[0]);
        figures.put("businessStarts.verified", starts[1]);
        return figures;
    }

    /** The same names read from a dashboard's JSON. */
    static Map<String, Object> read(JsonNode dashboard, Map<String, Object> like) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (String name : like.keySet()) {
            JsonNode value = dashboard.at("/" + name.replace('.', '/'));
            Object expected = like.get(name);
            figures.put(name, expected instanceof Long ? (Object) value.asLong()
                    : expected instanceof BigDecimal big && name.startsWith("jobs") ? value.decimalValue().stripTrailingZeros()
                    : expected instanceof BigDecimal ? value.decimalValue().setScale(2, RoundingMode.HALF_EVEN)
                    : value.asText());
        }
        return figures;
    }

    private static boolean in(LocalDate date, LocalDate from, LocalDate to) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
