package org.casebook.ops.benchmark;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.casebook.ops.demo.DemoDataGenerator;
import org.casebook.ops.imports.LegacyImports;
import org.casebook.ops.start.OneShot;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The import benchmark ({@code casebook.benchmark.imports} > 0; see the README): the same generator writes
 * that many engagements' histories twice, in the same run, on the same databases: once one command after
 * another through the command bus (as counselors' requests arrive), once through the import's path (each
 * engagement's history one command in one transaction). Prints the events stored, the seconds and the
 * events per second of each, and their ratio on a last line of its own; then the service stops.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ImportBenchmark implements ApplicationRunner {

    /** Seeds of their own, so that neither history meets the demo data or the other. */
    private static final long COMMANDS_SEED = 7_001;
    private static final long IMPORT_SEED = 7_002;

    private final ConfigurableApplicationContext context;
    private final CommandGateway commands;
    private final LegacyImports imports;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int engagements;
    private final int threads;
    private final LocalDate since;

    ImportBenchmark(ConfigurableApplicationContext context, CommandGateway commands, LegacyImports imports,
                    JdbcTemplate jdbc, Clock clock, @Value("${casebook.benchmark.imports:0}") int engagements,
                    @Value("${casebook.demo.threads:4}") int threads,
                    @Value("${casebook.demo.since:2023-01-01}") LocalDate since) {
        this.context = context;
        this.commands = commands;
        this.imports = imports;
        this.jdbc = jdbc;
        this.clock = clock;
        this.engagements = engagements;
        this.threads = threads;
        this.since = since;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (engagements <= 0) {
            return;
        }
        OneShot.run(context, "import benchmark", this::measure);
    }

    private void measure() throws Exception {
        DemoDataGenerator generator = new DemoDataGenerator(commands, clock);
        generator.defineNetwork(COMMANDS_SEED, since);
        print(String.format(Locale.ROOT, "import benchmark: %,d engagements each way since %s, %d threads each",
                engagements, since, threads));

        long started = System.nanoTime();
        generator.generateEngagements(engagements, COMMANDS_SEED, since, threads);
        double commandSeconds = seconds(started);
        long commandEvents = eventsOf(COMMANDS_SEED);
        double commandRate = commandEvents / commandSeconds;
        print(String.format(Locale.ROOT, "single commands: %,10d events in %8.1f s: %,8.0f events/s", commandEvents,
                commandSeconds, commandRate));

        started = System.nanoTime();
        LegacyImports.Status imported = generator.generateByImport(engagements, IMPORT_SEED, since, imports);
        double importSeconds = seconds(started);
        long importEvents = eventsOf(IMPORT_SEED);
        double importRate = importEvents / importSeconds;
        print(String.format(Locale.ROOT, "import path:     %,10d events in %8.1f s: %,8.0f events/s (batch %s)",
                importEvents, importSeconds, importRate, imported.batchId()));
        print(String.format(Locale.ROOT, "import ratio: %.2f (%,.0f events/s against %,.0f)", importRate / commandRate,
                importRate, commandRate));
    }

    private long eventsOf(long seed) {
        Long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier LIKE ?",
                Long.class, DemoDataGenerator.engagementIdPrefix(seed) + "%");
        return events == null ? 0 : events;
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
