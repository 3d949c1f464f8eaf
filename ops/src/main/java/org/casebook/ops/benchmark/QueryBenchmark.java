package org.casebook.ops.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.casebook.query.progress.ProjectionProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The query benchmark ({@code casebook.benchmark.queries} > 0; see the README): after the demo data is
 * in and every read model has caught up, runs each hot query over HTTP the given number of times, and
 * the bare MongoDB (or, for the audit, PostgreSQL) query it stands on as many times, and prints the p50
 * and p99 of both and their ratio. Then the service stops.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class QueryBenchmark implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(QueryBenchmark.class);

    private final ConfigurableApplicationContext context;
    private final MongoDatabase readModels;
    private final JdbcTemplate jdbc;
    private final ProjectionProgress progress;
    private final int queries;
    private final String password;

    QueryBenchmark(ConfigurableApplicationContext context, MongoDatabase readModels, JdbcTemplate jdbc,
                   ProjectionProgress progress, @Value("${casebook.benchmark.queries:0}") int queries,
                   @Value("${casebook.demo.password:demo-password}") String password) {
        this.context = context;
        this.readModels = readModels;
        this.jdbc = jdbc;
        this.progress = progress;
        this.queries = queries;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments arguments) throws Exception {
        if (queries <= 0) {
            return;
        }
        Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        if (head == null) {
            throw new IllegalStateException("nothing to measure: start the benchmark with casebook.demo.engagements");
        }
        long events = head;
        long started = System.nanoTime();
        if (!progress.await(events, Duration.ofMinutes(30))) {
            throw new IllegalStateException("the read models did not catch up");
        }
        LOG.info("Read models caught up with {} events", events);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Casebook query benchmark: %d events, %d runs of each query", events, queries));
        lines.add(String.format(Locale.ROOT, "%-34s %9s %9s %9s %9s %8s %8s", "query", "p50 ms", "p99 ms",
                "bare p50", "bare p99", "p50 x", "p99 x"));
        String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        String center = "HN-TGU-01";
        String user = "director." + center.toLowerCase(Locale.ROOT);
        HttpClient http = HttpClient.newHttpClient();
        String credentials = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        LocalDate today = LocalDate.now();
        LocalDate yearStart = today.minusYears(1).withDayOfYear(1);
        LocalDate yearEnd = yearStart.plusYears(1).minusDays(1);
        String engagement = readModels.getCollection("engagements").find(Filters.eq("centerId", center))
                .first().getString("_id");
        List<String> monthIds = new ArrayList<>();
        for (YearMonth month = YearMonth.from(yearStart); !month.isAfter(YearMonth.from(yearEnd)); month = month.plusMonths(1)) {
            monthIds.add(center + "|" + month);
        }
        List<String> networkMonthIds = new ArrayList<>();
        for (Document c : readModels.getCollection("centers").find()) {
            for (YearMonth month = YearMonth.from(yearStart); !month.isAfter(YearMonth.from(yearEnd)); month = month.plusMonths(1)) {
                networkMonthIds.add(c.getString("_id") + "|" + month);
            }
        }
        String range = "from=" + yearStart + "&to=" + yearEnd;
        lines.add(row("engagement detail", http, base + "/api/engagements/" + engagement, credentials,
                () -> readModels.getCollection("engagements").find(Filters.eq("_id", engagement)).first()));
        lines.add(row("engagement timeline", http, base + "/api/engagements/" + engagement + "/timeline", credentials,
                () -> readModels.getCollection("engagement_timelines").find(Filters.eq("_id", engagement)).first()));
        lines.add(row("caseload page, open (20)", http, base + "/api/engagements?centerId=" + center
                + "&status=OPEN&size=20", credentials,
                () -> readModels.getCollection("caseloads").find(Filters.eq("_id", center)).first()));
        lines.add(row("caseload page, any status (20)", http, base + "/api/engagements?centerId=" + center + "&size=20",
                credentials, () -> {
                    Document active = readModels.getCollection("caseloads").find(Filters.eq("_id", center)).first();
                    List<Document> parts = new ArrayList<>(List.of(active));
                    Document years = active.get("closedYears", Document.class);
                    if (years != null) {
                        years.keySet().forEach(year -> parts.add(readModels.getCollection("caseloads")
                                .find(Filters.eq("_id", center + "|closed|" + year)).first()));
                    }
                    return parts;
                }));
        lines.add(row("verification queue", http, base + "/api/verification-queue", credentials,
                () -> readModels.getCollection("caseloads").find(Filters.eq("_id", center)).first()));
        lines.add(row("center dashboard, a year", http, base + "/api/dashboards/centers/" + center + "?" + range,
                credentials, () -> monthIds.stream().map(id -> readModels.getCollection("center_months")
                        .find(Filters.eq("_id", id)).first()).toList()));
        lines.add(row("network dashboard, a year", http, base + "/api/dashboards/network?" + range, credentials,
                () -> networkMonthIds.stream().map(id -> readModels.getCollection("center_months")
                        .find(Filters.eq("_id", id)).first()).toList()));
        lines.add(row("center dashboard, as of", http, base + "/api/dashboards/centers/" + center + "?" + range
                + "&asOf=" + java.time.Instant.now(), credentials,
                () -> readModels.getCollection("engagement_facts").find(Filters.in("centers", List.of(center)))
                        .into(new ArrayList<>())));
        lines.add(row("audit history (JSON)", http, base + "/api/engagements/" + engagement + "/audit", credentials,
                () -> jdbc.queryForList("SELECT payload, meta_data FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "ORDER BY sequence_number", engagement)));
        lines.add(row("audit chain verification", http, base + "/api/engagements/" + engagement + "/audit/verification",
                credentials, () -> jdbc.queryForList("SELECT payload, meta_data FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? ORDER BY sequence_number", engagement)));
        lines.add(String.format(Locale.ROOT, "(x: the query over HTTP, with access checks, folding and JSON, against "
                + "the bare MongoDB reads it stands on; %d s in all)", (System.nanoTime() - started) / 1_000_000_000));
        System.out.println(String.join(System.lineSeparator(), lines));
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    private String row(String name, HttpClient http, String url, String credentials, Supplier<Object> bare)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", credentials)
                .header("Accept", "application/json").GET().build();
        for (int i = 0; i < Math.min(20, queries); i++) {
            HttpResponse<String> warm = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (warm.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + warm.statusCode() + ": " + warm.body());
            }
            bare.get();
        }
        long[] full = new long[queries];
        long[] plain = new long[queries];
        for (int i = 0; i < queries; i++) {
            long start = System.nanoTime();
            http.send(request, HttpResponse.BodyHandlers.ofString());
            full[i] = System.nanoTime() - start;
            start = System.nanoTime();
            bare.get();
            plain[i] = System.nanoTime() - start;
        }
        double p50 = percentile(full, 50);
        double p99 = percentile(full, 99);
        double b50 = percentile(plain, 50);
        double b99 = percentile(plain, 99);
        return String.format(Locale.ROOT, "%-34s %9.2f %9.2f %9.2f %9.2f %8.1f %8.1f", name, p50, p99, b50, b99,
                p50 / b50, p99 / b99);
    }

    private static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }
}
