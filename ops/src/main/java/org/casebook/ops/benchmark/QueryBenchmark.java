package org.casebook.ops.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.casebook.ops.security.UserAccount;
import org.casebook.ops.start.OneShot;
import org.casebook.ops.start.StartRefused;
import org.casebook.ops.security.UserAccounts;
import org.casebook.query.engagement.Caseload;
import org.casebook.query.figures.CenterMonth;
import org.casebook.query.progress.ProjectionProgress;
import org.casebook.query.store.DocumentCollection;
import org.casebook.shared.actor.Role;
import org.casebook.shared.id.ProgrammeCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The query benchmark ({@code casebook.benchmark.queries} > 0; see the README): after the demo data is
 * in and every read model has caught up (waiting at most {@code casebook.benchmark.wait}), runs each
 * query over HTTP the given number of times, and the bare MongoDB (or, for the audit and the timeline,
 * PostgreSQL) reads it stands on as many times, interleaved, and prints the p50 and p99 of both and their ratio, a row as
 * soon as it is measured. Then the service stops: exit status 0, or 1 when something failed.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class QueryBenchmark implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(QueryBenchmark.class);
    private static final String CENTER = "HN-TGU-01";
    private static final String COUNTRY = "HN";
    private static final String PROGRAMME = "DINAMICA";
    private static final String DONOR = "benchmark.donor";

    private final ConfigurableApplicationContext context;
    private final MongoDatabase readModels;
    private final JdbcTemplate jdbc;
    private final ProjectionProgress progress;
    private final org.casebook.ops.readmodels.ReadModelVersionSwitch pendingPeriods;
    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final int queries;
    private final Duration wait;
    private final String password;

    QueryBenchmark(ConfigurableApplicationContext context, MongoDatabase readModels, JdbcTemplate jdbc,
                   ProjectionProgress progress, org.casebook.ops.readmodels.ReadModelVersionSwitch pendingPeriods, UserAccounts accounts,
                   PasswordEncoder passwords,
                   @Value("${casebook.benchmark.queries:0}") int queries,
                   @Value("${casebook.benchmark.wait:PT3H}") Duration wait,
                   @Value("${casebook.demo.password:demo-password}") String password) {
        this.context = context;
        this.readModels = readModels;
        this.jdbc = jdbc;
        this.progress = progress;
        this.pendingPeriods = pendingPeriods;
        this.accounts = accounts;
        this.passwords = passwords;
        this.queries = queries;
        this.wait = wait;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (queries <= 0) {
            return;
        }
        OneShot.run(context, "query benchmark", this::measure);
    }

    private static StartRefused gaveUp(String what) {
        return new StartRefused(what, "Give them longer with " + StartRefused.named("casebook.benchmark.wait")
                + ", or measure a smaller history.");
    }

    private void measure() throws Exception {
        Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        if (head == null) {
            throw new StartRefused("There are no events to measure.", "Start the benchmark with "
                    + StartRefused.named("casebook.demo.engagements") + " set to the size of history to measure.");
        }
        long events = head;
        long started = System.nanoTime();
        LOG.info("Waiting for the read models to catch up with {} events (at most {})", events, wait);
        long deadline = started + wait.toNanos();
        while (!progress.await(events, Duration.ofMinutes(1))) {
            if (System.nanoTime() > deadline) {
                throw gaveUp("The read models did not catch up within " + wait + ".");
            }
            LOG.info("Still waiting for the read models ({} s)", (System.nanoTime() - started) / 1_000_000_000);
        }
        LOG.info("Read models caught up with {} events in {} s", events, (System.nanoTime() - started) / 1_000_000_000);
        // After a replay the kept period figures are counted in the background: measure them counted.
        pendingPeriods.settleAll();
        MongoCollection<Document> periodFigures = readModels.getCollection("period_figures");
        while (periodFigures.find().projection(new Document("dirty", 1).append("computedFrom", 1)).into(new ArrayList<>())
                .stream().anyMatch(figures -> !figures.get("dirty").equals(figures.get("computedFrom")))) {
            if (System.nanoTime() > deadline) {
                throw gaveUp("The period figures were not counted within " + wait + ".");
            }
            Thread.sleep(1000);
            pendingPeriods.settleAll();
        }
        LOG.info("Period figures counted {} s after the start", (System.nanoTime() - started) / 1_000_000_000);
        accounts.create(new UserAccount(DONOR, passwords.encode(password), true, EnumSet.of(Role.DONOR), Set.of(),
                Set.of(new ProgrammeCode(PROGRAMME))));

        List<String> lines = new ArrayList<>();
        print(lines, String.format(Locale.ROOT, "Casebook query benchmark: %d events, %d engagements, %d runs of "
                + "each query", events, readModels.getCollection("engagements").countDocuments(), queries));
        print(lines, String.format(Locale.ROOT, "%-36s %9s %9s %9s %9s %8s %8s", "query", "p50 ms", "p99 ms",
                "bare p50", "bare p99", "p50 x", "p99 x"));
        long measuring = System.nanoTime();
        String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpClient http = HttpClient.newHttpClient();
        String director = "director." + CENTER.toLowerCase(Locale.ROOT);
        LocalDate yearStart = LocalDate.now(java.time.ZoneOffset.UTC).minusYears(1).withDayOfYear(1);
        LocalDate yearEnd = yearStart.plusYears(1).minusDays(1);
        String range = "from=" + yearStart + "&to=" + yearEnd;
        MongoCollection<Document> engagements = readModels.getCollection("engagements");
        String engagement = engagements.find(Filters.eq("centerId", CENTER)).first().getString("_id");
        List<String> centerMonths = monthIds(List.of(CENTER), yearStart, yearEnd);
        List<String> countryCenters = new ArrayList<>();
        readModels.getCollection("centers").find(Filters.eq("country", COUNTRY))
                .forEach(center -> countryCenters.add(center.getString("_id")));
        List<String> allCenters = new ArrayList<>();
        readModels.getCollection("centers").find().forEach(center -> allCenters.add(center.getString("_id")));
        List<String> networkMonths = monthIds(allCenters, yearStart, yearEnd);
        String asOf = Instant.now().toString();

        Row row = new Row(http, base, lines);
        row.as(director).measure("engagement detail", "/api/engagements/" + engagement,
                () -> byId("engagements", engagement));
        row.measure("engagement timeline", "/api/engagements/" + engagement + "/timeline",
                () -> storedEvents(engagement));
        List<String> activeParts = Caseload.documentsOf(List.of(Caseload.activePart(CENTER)));
        row.measure("caseload page, open (20)", "/api/engagements?centerId=" + CENTER + "&status=OPEN&size=20",
                () -> byIds("caseload_parts", activeParts));
        row.measure("caseload page, any status (20)", "/api/engagements?centerId=" + CENTER + "&size=20", () -> {
            List<String> parts = new ArrayList<>(List.of(Caseload.activePart(CENTER)));
            Document index = byId("caseload_parts", CENTER);
            if (index != null && index.get("closedYears") instanceof Document years) {
                years.keySet().forEach(year -> parts.add(Caseload.closedPart(CENTER, year)));
            }
            return byIds("caseload_parts", Caseload.documentsOf(parts));
        });
        row.measure("verification queue", "/api/verification-queue", () -> byIds("caseload_parts", activeParts));
        // A year is a kept period: one document of figures per center of the scope.
        row.measure("center dashboard, a year", "/api/dashboards/centers/" + CENTER + "?" + range,
                () -> keptFigures(List.of(CENTER), yearStart, yearEnd));
        row.measure("country dashboard, a year", "/api/dashboards/countries/" + COUNTRY + "?" + range,
                () -> keptFigures(countryCenters, yearStart, yearEnd));
        row.measure("network dashboard, a year", "/api/dashboards/network?" + range,
                () -> keptFigures(allCenters, yearStart, yearEnd));
        LocalDate quarterEnd = yearStart.plusMonths(3).minusDays(1);
        row.measure("network dashboard, a quarter", "/api/dashboards/network?from=" + yearStart + "&to=" + quarterEnd,
                () -> keptFigures(allCenters, yearStart, quarterEnd));
        // Other ranges are counted from every engagement's part of the scope's center-months.
        LocalDate halfEnd = yearStart.plusMonths(6).minusDays(1);
        row.measure("network dashboard, a half year", "/api/dashboards/network?from=" + yearStart + "&to=" + halfEnd,
                () -> byIds("center_month_parts", CenterMonth.partIdsOf(monthIds(allCenters, yearStart, halfEnd))));
        // Eight years of the decade-size demo history serve about as many clients as one year of the
        // network DOMAIN.md plans for (150 centers, 600 active clients each).
        LocalDate eightYearsStart = yearStart.minusYears(7);
        row.measure("network dashboard, eight years", "/api/dashboards/network?from=" + eightYearsStart + "&to=" + yearEnd,
                () -> byIds("center_month_parts", CenterMonth.partIdsOf(monthIds(allCenters, eightYearsStart, yearEnd))));
        row.measure("center dashboard, a year as of", "/api/dashboards/centers/" + CENTER + "?" + range
                + "&asOf=" + asOf, () -> rosteredFacts(centerMonths));
        row.measure("center year, submitted vs corrected", "/api/dashboards/centers/" + CENTER + "/corrections?"
                + range + "&submittedAt=" + yearEnd.plusMonths(1), () -> List.of(keptFigures(
                List.of(CENTER), yearStart, yearEnd), rosteredFacts(centerMonths)));
        row.measure("network dashboard, a year as of", "/api/dashboards/network?" + range + "&asOf=" + asOf,
                () -> rosteredFacts(networkMonths));
        row.measure("audit history (JSON)", "/api/engagements/" + engagement + "/audit", () -> storedEvents(engagement));
        row.measure("audit chain verification", "/api/engagements/" + engagement + "/audit/verification",
                () -> storedEvents(engagement));
        row.as(DONOR).measure("donor's network dashboard, a year", "/api/dashboards/network?" + range,
                () -> keptFigures(allCenters, yearStart, yearEnd));
        row.measure("donor's engagements page (20)", "/api/engagements?size=20", () -> engagements
                .find(Filters.eq("programmes", PROGRAMME)).sort(Sorts.ascending("enterprise.name", "_id")).limit(20)
                .into(new ArrayList<>()));
        print(lines, String.format(Locale.ROOT, "(x: the query over HTTP, with access checks, folding and JSON, "
                + "against the bare MongoDB or PostgreSQL reads it stands on; %d s measuring)",
                (System.nanoTime() - measuring) / 1_000_000_000));
        System.out.println();
        System.out.println(String.join(System.lineSeparator(), lines));
    }

    private static void print(List<String> lines, String line) {
        lines.add(line);
        System.out.println(line);
        System.out.flush();
    }

    private static List<String> monthIds(List<String> centers, LocalDate from, LocalDate to) {
        List<String> ids = new ArrayList<>();
        for (String center : centers) {
            for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
                ids.add(CenterMonth.idOf(center, month));
            }
        }
        return ids;
    }

    /** The kept figures of a period for each center, then the facts of the engagements they name as moved. */
    private List<Document> keptFigures(List<String> centers, LocalDate from, LocalDate to) {
        List<String> ids = new ArrayList<>();
        centers.forEach(center -> ids.add(center + "|" + from + "|" + to));
        List<Document> figures = byIds("period_figures", ids);
        Set<String> moved = new LinkedHashSet<>();
        figures.forEach(kept -> moved.addAll(kept.getList("moved", String.class, List.of())));
        List<Document> read = new ArrayList<>(figures);
        read.addAll(byIds("engagement_facts", new ArrayList<>(moved)));
        return read;
    }

    private Document byId(String collection, String id) {
        return readModels.getCollection(collection).find(Filters.eq("_id", id)).first();
    }

    /** The documents with these ids, as the dashboards read them: by {@code $in} on {@code _id}, in batches. */
    private List<Document> byIds(String collection, List<String> ids) {
        List<Document> found = new ArrayList<>(ids.size());
        int batch = DocumentCollection.IDS_PER_READ;
        for (int start = 0; start < ids.size(); start += batch) {
            readModels.getCollection(collection)
                    .find(Filters.in("_id", ids.subList(start, Math.min(ids.size(), start + batch)))).into(found);
        }
        return found;
    }

    /** The rosters of the center-months, then the facts of every engagement they name. */
    private List<Document> rosteredFacts(List<String> monthIds) {
        Set<String> ids = new LinkedHashSet<>();
        for (Document roster : byIds("center_month_rosters", monthIds)) {
            if (roster.get("engagements") instanceof Document named) {
                ids.addAll(named.keySet());
            }
        }
        return byIds("engagement_facts", new ArrayList<>(ids));
    }

    private List<?> storedEvents(String engagement) {
        return jdbc.queryForList("SELECT payload, meta_data FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", engagement);
    }

    /** Measures rows, signed in as one user at a time. */
    private final class Row {
        private final HttpClient http;
        private final String base;
        private final List<String> lines;
        private String credentials;

        Row(HttpClient http, String base, List<String> lines) {
            this.http = http;
            this.base = base;
            this.lines = lines;
        }

        Row as(String user) {
            credentials = "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            return this;
        }

        void measure(String name, String path, Supplier<Object> bare) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", credentials)
                    .header("Accept", "application/json").GET().build();
            for (int i = 0; i < Math.min(20, queries); i++) {
                HttpResponse<String> warm = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (warm.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + warm.statusCode() + ": " + warm.body());
                }
                bare.get();
            }
            long[] full = new long[queries];
            long[] plain = new long[queries];
            for (int i = 0; i < queries; i++) {
                long start = System.nanoTime();
                int answer = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                full[i] = System.nanoTime() - start;
                if (answer != 200) {
                    throw new IllegalStateException(path + " answered " + answer);
                }
                start = System.nanoTime();
                bare.get();
                plain[i] = System.nanoTime() - start;
            }
            double p50 = percentile(full, 50);
            double p99 = percentile(full, 99);
            double b50 = percentile(plain, 50);
            double b99 = percentile(plain, 99);
            print(lines, String.format(Locale.ROOT, "%-36s %9.2f %9.2f %9.2f %9.2f %8.1f %8.1f", name, p50, p99, b50,
                    b99, p50 / b50, p99 / b99));
        }
    }

    private static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }
}
