package org.casebook.ops.imports;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.casebook.command.engagement.EnterpriseIdentities;
import org.casebook.command.engagement.ImportEngagementHistory;
import org.casebook.command.web.CommandDispatcher;
import org.casebook.ops.security.SecurityProperties;
import org.casebook.shared.actor.Actor;
import org.casebook.shared.actor.Role;
import org.casebook.shared.json.CasebookJson;
import org.casebook.shared.refusal.Refusal;
import org.casebook.shared.value.ResultStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports of a network's history from the system it used before (the files of {@code IMPORT.md}). A dry
 * run reads and checks every row and stores nothing. A commit does the same, and only when nothing is
 * wrong sends each engagement's whole history to the engagement as one command, in one transaction with
 * the ledger of what it stored; several engagements go at once. Rows an earlier import stored are skipped.
 */
@Component
public class LegacyImports {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyImports.class);
    private static final ObjectMapper JSON = CasebookJson.newMapper();
    /** A running batch says how far it got at least this often (nanoseconds)... */
    private static final long SAY_PROGRESS_EVERY = Duration.ofSeconds(5).toNanos();
    /** ...so one that has not said so for this long has lost the node that ran it. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    /**
     * What an import says: how many rows of each file, how many of them an earlier import had stored
     * already, and every problem with where it is; after a commit, what it stored per center and year.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Report(String batchId, boolean valid, Map<String, Integer> counts, Map<String, Integer> skipped,
                         List<ImportProblem> problems, List<ImportProblem> notes, String legacySystem,
                         Reconciliation reconciliation) {
    }

    /**
     * Where a batch stands: the engagements it has taken in so far of all it holds, the events stored and
     * their pace, and, once it is done, its report.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Status(String batchId, String legacySystem, String importedBy, ImportLedger.State state,
                         Instant startedAt, Instant finishedAt, int engagements, int engagementsDone, long events,
                         Long eventsPerSecond, Instant revokedAt, String revokedBy, Report report) {
    }

    /** A file as it came: its name, and how to read its bytes. */
    public record Part(String name, Content content) {

        InputStream open() throws IOException {
            return content.open();
        }
    }

    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    /** The files read and checked, with the engagements ready to import. */
    private record Prepared(Report report, List<LegacyHistoryCheck.Engagement> engagements, Set<String> stored) {
    }

    /** Histories made as they are needed, one an index, for a batch. */
    @FunctionalInterface
    public interface Histories {
        /** The history of the engagement of the index, for the batch; null: none. */
        ImportEngagementHistory of(int index, String batchId);
    }

    /** An engagement's import command, and the line of its row. */
    private record Pending(ImportEngagementHistory command, int line) {
    }

    /** A batch under way on this node. */
    private record Running(AtomicInteger done, AtomicLong events) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final EnterpriseIdentities identities;
    private final boolean ownUsers;
    private final CommandGateway commands;
    private final TransactionTemplate transaction;
    private final ImportLedger ledger;
    private final int threads;
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    public LegacyImports(DataSource dataSource, Clock clock, EnterpriseIdentities identities,
                         SecurityProperties security, CommandGateway commands, PlatformTransactionManager transactions,
                         ImportLedger ledger, @Value("${casebook.imports.threads:4}") int threads) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
        this.identities = identities;
        this.ownUsers = security.mode() == SecurityProperties.Mode.EMBEDDED;
        this.commands = commands;
        this.transaction = new TransactionTemplate(transactions);
        this.ledger = ledger;
        this.threads = threads;
    }

    /** Reads and checks the files as an import would, and stores nothing. */
    public Report dryRun(List<Part> parts, String system, Locale locale) throws IOException {
        return prepare(parts, system, locale).report();
    }

    /**
     * Checks the files and, if nothing is wrong, starts the import: the report names the batch, and
     * {@link #await} waits for it. With problems, nothing is stored and the report says why.
     */
    public Report commit(List<Part> parts, String system, Actor actor, Locale locale) throws IOException {
        Prepared prepared = prepare(parts, system, locale);
        if (!prepared.report().valid()) {
            return prepared.report();
        }
        String batchId = "imp-" + LocalDate.now(clock) + "-" + UUID.randomUUID().toString().substring(0, 8);
        List<Pending> histories = new ArrayList<>();
        for (LegacyHistoryCheck.Engagement engagement : prepared.engagements()) {
            ImportEngagementHistory command = engagement.command(batchId, system);
            if (!prepared.stored().containsAll(ids(command))) {
                histories.add(new Pending(command, engagement.row().line()));
            }
        }
        Report started = withBatch(prepared.report(), batchId, null);
        ledger.start(batchId, system, actor.userId(), histories.size(), clock.instant());
        Running progress = new Running(new AtomicInteger(), new AtomicLong());
        running.put(batchId, progress);
        Thread runner = new Thread(() -> run(batchId, histories, actor, started, progress, locale), "import-" + batchId);
        runner.setDaemon(true);
        runner.start();
        return started;
    }

    /** Waits until the batch is no longer running, and says where it stands. */
    public Status await(String batchId, Duration most) throws InterruptedException {
        Instant until = clock.instant().plus(most);
        Status status = status(batchId);
        while (status.state() == ImportLedger.State.RUNNING && clock.instant().isBefore(until)) {
            Thread.sleep(50);
            status = status(batchId);
        }
        return status;
    }

    private void run(String batchId, List<Pending> histories, Actor actor, Report started,
                     Running progress, Locale locale) {
        Reconciliation.Tally tally = new Reconciliation.Tally();
        List<ImportProblem> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        boolean finished = importAll(batchId, actor, histories.size(), index -> histories.get(index).command(), tally,
                progress, (refusal, index) -> failures.add(new ImportProblem(ImportFile.ENGAGEMENTS.fileName(),
                        histories.get(index).line(), "legacyId", refusal.code(), refusal.message(locale))));
        List<ImportProblem> problems = new ArrayList<>(started.problems());
        problems.addAll(failures);
        problems.sort(PROBLEM_ORDER);
        // What was stored before is known from the ledger, which the import commands write with their events.
        Report report = new Report(batchId, problems.isEmpty(), started.counts(), started.skipped(), problems,
                started.notes(), started.legacySystem(), tally.reconciliation());
        ledger.finish(batchId, finished ? ImportLedger.State.DONE : ImportLedger.State.FAILED, progress.done().get(),
                progress.events().get(), json(report), clock.instant());
        running.remove(batchId);
        LOG.info("Import {} from {}: {} engagements, {} events, {} problems", batchId, started.legacySystem(),
                progress.done().get(), progress.events().get(), failures.size());
    }

    /**
     * Imports histories made as they are needed (by the demo-data generator, say) as one batch, through the
     * same path as files: one command and one transaction an engagement, several at once, with the ledger.
     *
     * @param history the history of the engagement of each index, from 0 to {@code total - 1}
     * @return the batch's status once it is done
     */
    public Status importGenerated(String system, Actor actor, int total, Histories history) {
        String batchId = "imp-" + LocalDate.now(clock) + "-" + UUID.randomUUID().toString().substring(0, 8);
        ledger.start(batchId, system, actor.userId(), total, clock.instant());
        Running progress = new Running(new AtomicInteger(), new AtomicLong());
        running.put(batchId, progress);
        Reconciliation.Tally tally = new Reconciliation.Tally();
        AtomicInteger refused = new AtomicInteger();
        Map<String, Integer> codes = new java.util.concurrent.ConcurrentSkipListMap<>();
        boolean finished = importAll(batchId, actor, total, index -> history.of(index, batchId), tally, progress,
                (refusal, index) -> {
                    refused.incrementAndGet();
                    codes.merge(refusal.code(), 1, Integer::sum);
                });
        Report report = new Report(batchId, refused.get() == 0, Map.of(), Map.of(), List.of(), List.of(), system,
                tally.reconciliation());
        if (refused.get() > 0) {
            LOG.info("Import {}: {} engagements refused by the rules {}", batchId, refused.get(), codes);
        }
        ledger.finish(batchId, finished ? ImportLedger.State.DONE : ImportLedger.State.FAILED, progress.done().get(),
                progress.events().get(), json(report), clock.instant());
        running.remove(batchId);
        return status(batchId);
    }

    /**
     * Sends the histories on {@code casebook.imports.threads} workers, each taking the next index: one
     * command, and one transaction with its ledger rows, an engagement.
     *
     * @return false if interrupted before every history was sent
     */
    private boolean importAll(String batchId, Actor actor, int total, IntFunction<ImportEngagementHistory> histories,
                              Reconciliation.Tally tally, Running progress,
                              java.util.function.ObjIntConsumer<Refusal> refusedAt) {
        MetaData metaData = MetaData.from(actor.toMetaData(Role.ADMIN))
                .and(CommandDispatcher.CORRELATION_ID, batchId);
        AtomicInteger next = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong lastSaid = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
        ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "import-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int worker = 0; worker < threads; worker++) {
                workers.execute(() -> {
                    for (int index = next.getAndIncrement(); index < total && !Thread.currentThread().isInterrupted();
                         index = next.getAndIncrement()) {
                        ImportEngagementHistory history = histories.apply(index);
                        if (history != null) {
                            store(batchId, history, metaData, index, tally, progress, refusedAt);
                        }
                        int done = progress.done().incrementAndGet();
                        long now = System.nanoTime();
                        long last = lastSaid.get();
                        if ((done % 250 == 0 || now - last > SAY_PROGRESS_EVERY) && lastSaid.compareAndSet(last, now)) {
                            ledger.progress(batchId, done, progress.events().get(), clock.instant());
                        }
                    }
                });
            }
            workers.shutdown();
            return workers.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            workers.shutdownNow();
        }
    }

    private void store(String batchId, ImportEngagementHistory history, MetaData metaData, int index,
                       Reconciliation.Tally tally, Running progress, java.util.function.ObjIntConsumer<Refusal> refusedAt) {
        try {
            ImportEngagementHistory.Outcome outcome = transaction.execute(tx -> {
                // Nothing of a batch is acknowledged before it is done, and the synchronous commit that ends
                // it flushes every earlier one: the engagements' commits need not wait for the disk each.
                // A crash loses at most the last moments of a running batch, whole engagements, which
                // running it again brings in.
                jdbc.execute("SET LOCAL synchronous_commit TO OFF");
                ImportEngagementHistory.Outcome stored = send(history, metaData);
                ledger.record(batchId, history, stored);
                return stored;
            });
            tally.add(history, outcome);
            progress.events().addAndGet(events(history, outcome));
        } catch (Refusal refusal) {
            refusedAt.accept(refusal, index);
        } catch (RuntimeException e) {
            LOG.warn("Engagement {} of import {} was not imported", history.engagementId(), batchId, e);
            refusedAt.accept(Refusal.rule("import-engagement-failed", null), index);
        }
    }

    private ImportEngagementHistory.Outcome send(ImportEngagementHistory history, MetaData metaData) {
        try {
            return commands.sendAndWait(GenericCommandMessage.asCommandMessage(history).andMetaData(metaData));
        } catch (CommandExecutionException e) {
            throw e.getCause() instanceof Refusal refusal ? refusal : e;
        }
    }

    /** The events a stored import command made: one a row, and one a step of a result's evidence. */
    private static long events(ImportEngagementHistory history, ImportEngagementHistory.Outcome outcome) {
        long events = (outcome.opened() ? 1 : 0) + outcome.sessionIds().size() + (outcome.closed() ? 1 : 0);
        for (ImportEngagementHistory.ImportedResult row : history.results()) {
            if (outcome.resultIds().contains(row.report().resultId().value())) {
                ResultStatus state = row.evidence().state();
                events += state == ResultStatus.VERIFIED ? 3 : state == ResultStatus.CLAIMED ? 1 : 2;
            }
        }
        return events;
    }

    /**
     * Revokes a batch: every engagement it opened is closed as imported in error, and what it added to
     * engagements opened before is voided and withdrawn, each engagement in its own transaction. Its events
     * stay in the audit history; the engagements leave every figure.
     */
    public Status revoke(String batchId, Actor actor) {
        ImportLedger.Batch batch = ledger.batch(batchId).orElseThrow(() -> Refusal.notFound("import-batch-not-found",
                batchId));
        if (batch.state() == ImportLedger.State.RUNNING && !abandoned(batch)) {
            throw Refusal.conflict("import-running", batchId);
        }
        if (batch.state() != ImportLedger.State.REVOKED) {
            ledger.revoking(batchId, actor.userId(), clock.instant());
            MetaData metaData = MetaData.from(actor.toMetaData(Role.ADMIN))
                    .and(CommandDispatcher.CORRELATION_ID, "revoke-" + batchId);
            for (ImportLedger.Items items : ledger.items(batchId)) {
                send(new ImportEngagementHistory.RevokeImport(new org.casebook.shared.id.EngagementId(items.engagementId()),
                        batchId, items.sessionIds(), items.resultIds()), metaData);
            }
            ledger.revoked(batchId);
        }
        return status(batchId);
    }

    private void send(ImportEngagementHistory.RevokeImport revoke, MetaData metaData) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(revoke).andMetaData(metaData));
        } catch (CommandExecutionException e) {
            throw e.getCause() instanceof Refusal refusal ? refusal : e;
        }
    }

    /** Where the batch stands; a batch under way on this node counts its progress live. */
    public Status status(String batchId) {
        ImportLedger.Batch batch = ledger.batch(batchId).orElseThrow(() -> Refusal.notFound("import-batch-not-found",
                batchId));
        return status(batch);
    }

    public List<Status> statuses() {
        return ledger.batches().stream().map(this::status).toList();
    }

    /** A batch left running by a node that stopped: nothing runs it here, and it has not moved for long. */
    private boolean abandoned(ImportLedger.Batch batch) {
        return batch.state() == ImportLedger.State.RUNNING && !running.containsKey(batch.batchId())
                && (batch.progressAt() == null || batch.progressAt().plus(ABANDONED_AFTER).isBefore(clock.instant()));
    }

    private Status status(ImportLedger.Batch batch) {
        Running live = running.get(batch.batchId());
        int done = live != null ? live.done().get() : batch.engagementsDone();
        long events = live != null ? live.events().get() : batch.events();
        Instant end = batch.finishedAt() != null ? batch.finishedAt() : clock.instant();
        long millis = Math.max(1, Duration.between(batch.startedAt(), end).toMillis());
        return new Status(batch.batchId(), batch.system(), batch.importedBy(),
                live != null ? ImportLedger.State.RUNNING : abandoned(batch) ? ImportLedger.State.FAILED : batch.state(),
                batch.startedAt(), batch.finishedAt(),
                batch.engagements(), done, events, events * 1000 / millis, batch.revokedAt(), batch.revokedBy(),
                batch.report() == null ? null : report(batch.report()));
    }

    private Prepared prepare(List<Part> parts, String system, Locale locale) throws IOException {
        Map<ImportFile, List<LegacyRows.Row>> rows = new EnumMap<>(ImportFile.class);
        List<ImportProblem> problems = new ArrayList<>();
        List<ImportProblem> notes = new ArrayList<>();
        for (Part part : parts) {
            var file = ImportFile.named(part.name());
            if (file.isEmpty()) {
                problems.add(localized(new ImportProblem(part.name(), null, null, "import-file-unknown", null), locale,
                        part.name()));
                continue;
            }
            try (InputStream content = part.open()) {
                LegacyRows.Read read = LegacyRows.read(file.get(), content);
                rows.put(file.get(), read.rows());
                read.problems().forEach(problem -> problems.add(localized(problem, locale)));
                read.notes().forEach(note -> notes.add(localized(note, locale)));
            }
        }
        if (!rows.containsKey(ImportFile.ENGAGEMENTS) && problems.isEmpty()) {
            problems.add(localized(new ImportProblem(ImportFile.ENGAGEMENTS.fileName(), null, null, "import-file-missing",
                    null), locale));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        rows.forEach((file, read) -> counts.put(file.fileName(), read.size()));
        List<LegacyHistoryCheck.Engagement> engagements = List.of();
        Set<String> stored = new HashSet<>();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        if (problems.isEmpty()) {
            ImportIds ids = new ImportIds(system);
            stored.addAll(ledger.stored(idsOf(rows, ids)));
            LegacyHistoryCheck check = new LegacyHistoryCheck(known(stored), ids, locale);
            problems.addAll(check.check(rows.getOrDefault(ImportFile.ENGAGEMENTS, List.of()),
                    rows.getOrDefault(ImportFile.SESSIONS, List.of()), rows.getOrDefault(ImportFile.RESULTS, List.of())));
            engagements = check.engagements();
            for (LegacyHistoryCheck.Engagement engagement : engagements) {
                count(skipped, ImportFile.ENGAGEMENTS, stored.contains(engagement.open().engagementId().value()));
                engagement.sessions().forEach(row -> count(skipped, ImportFile.SESSIONS,
                        stored.contains(row.session().sessionId().value())));
                engagement.results().forEach(row -> count(skipped, ImportFile.RESULTS,
                        stored.contains(row.report().resultId().value())));
            }
        }
        problems.sort(PROBLEM_ORDER);
        return new Prepared(new Report(null, problems.isEmpty(), counts, skipped, problems, notes, system, null),
                engagements, stored);
    }

    private static void count(Map<String, Integer> skipped, ImportFile file, boolean wasStored) {
        if (wasStored) {
            skipped.merge(file.fileName(), 1, Integer::sum);
        }
    }

    private static final Comparator<ImportProblem> PROBLEM_ORDER = Comparator.comparing(ImportProblem::file)
            .thenComparing(problem -> problem.line() == null ? 0 : problem.line());

    /** Every id the rows would get, to ask the ledger which are stored already. */
    private static Set<String> idsOf(Map<ImportFile, List<LegacyRows.Row>> rows, ImportIds ids) {
        Set<String> all = new HashSet<>();
        rows.getOrDefault(ImportFile.ENGAGEMENTS, List.of()).forEach(row -> legacy(row)
                .ifPresent(id -> all.add(ids.engagement(id).value())));
        rows.getOrDefault(ImportFile.SESSIONS, List.of()).forEach(row -> legacy(row)
                .ifPresent(id -> all.add(ids.session(id).value())));
        rows.getOrDefault(ImportFile.RESULTS, List.of()).forEach(row -> legacy(row)
                .ifPresent(id -> all.add(ids.result(id).value())));
        return all;
    }

    private static java.util.Optional<String> legacy(LegacyRows.Row row) {
        return java.util.Optional.ofNullable(row.get("legacyId"));
    }

    private static List<String> ids(ImportEngagementHistory command) {
        List<String> ids = new ArrayList<>();
        ids.add(command.engagementId().value());
        command.sessions().forEach(row -> ids.add(row.session().sessionId().value()));
        command.results().forEach(row -> ids.add(row.report().resultId().value()));
        return ids;
    }

    private LegacyHistoryCheck.Known known(Set<String> stored) {
        // With Casebook's own users, the counselors are its users who counsel; an identity provider's
        // users are not known here.
        return new LegacyHistoryCheck.Known(
                new HashSet<>(jdbc.queryForList("SELECT center_id FROM center", String.class)),
                new HashSet<>(jdbc.queryForList("SELECT code FROM programme", String.class)),
                ownUsers ? new HashSet<>(jdbc.queryForList("SELECT username FROM user_account"
                        + " WHERE 'COUNSELOR' = ANY(roles) OR 'DIRECTOR' = ANY(roles)", String.class)) : null,
                (country, taxId) -> identities.holder(country, taxId).map(Object::toString),
                LocalDate.now(clock), stored::contains);
    }

    private static Report withBatch(Report report, String batchId, Reconciliation reconciliation) {
        return new Report(batchId, report.valid(), report.counts(), report.skipped(), report.problems(), report.notes(),
                report.legacySystem(), reconciliation);
    }

    private static String json(Report report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Report report(String json) {
        try {
            return JSON.readValue(json, Report.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A problem found while reading, with its message in the person's language. */
    private static ImportProblem localized(ImportProblem problem, Locale locale, Object... details) {
        Refusal refusal = Refusal.invalid(problem.code(), problem.column(), details);
        return new ImportProblem(problem.file(), problem.line(), problem.column(), problem.code(), refusal.message(locale));
    }
}
