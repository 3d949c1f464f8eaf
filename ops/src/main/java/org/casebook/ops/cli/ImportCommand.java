package org.casebook.ops.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.casebook.ops.CasebookApplication;
import org.casebook.ops.imports.ImportFile;
import org.casebook.ops.imports.ImportLedger;
import org.casebook.ops.imports.ImportProblem;
import org.casebook.ops.imports.LegacyImports;
import org.casebook.ops.imports.Reconciliation;
import org.casebook.ops.security.SecurityProperties;
import org.casebook.ops.security.UserAccount;
import org.casebook.ops.security.UserAccounts;
import org.casebook.shared.actor.Actor;
import org.casebook.shared.actor.Role;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code import DIR [--dry-run]}: checks the files of a legacy history in a directory (engagements.csv,
 * sessions.csv, results.csv) against the database the settings name and prints every problem with its
 * file, line and column; without {@code --dry-run}, and only when nothing is wrong, imports them as the
 * administrator {@code --user}, drawing the progress, then prints what was stored per center and year.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Checks, then imports, the files of a legacy history (engagements.csv, sessions.csv, results.csv)"
                + " in DIR.",
                "Database settings as for the service, e.g. --spring.datasource.url=... (or their environment variables)."
                        + " With the embedded databases, stop the service first (or send the files to"
                        + " POST /api/admin/imports)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the files can be imported (--dry-run), or were imported", "1:problems found (each printed)",
                "2:wrong arguments"})
final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The directory that holds the files.")
    Path directory;

    @Option(names = "--dry-run", description = "Check every row and store nothing.")
    boolean dryRun;

    @Option(names = "--system", defaultValue = "legacy",
            description = "The legacy system's name (Neoserra, WebCATS, ...), which every imported event carries."
                    + " Give the same name again to add rows to an earlier import. Default: ${DEFAULT-VALUE}.")
    String system;

    @Option(names = "--user", defaultValue = "admin",
            description = "The administrator who runs the import, recorded as the actor of every imported event."
                    + " Default: ${DEFAULT-VALUE}, the administrator Casebook creates on its first start.")
    String user;

    @Option(names = "--language", defaultValue = "en", description = "The language of the messages: en or es.")
    String language;

    @Unmatched
    List<String> settings = new ArrayList<>();

    PrintStream out = System.out;
    PrintStream err = System.err;
    int width = 0;

    @Override
    public Integer call() throws Exception {
        List<LegacyImports.Part> parts = new ArrayList<>();
        for (ImportFile file : ImportFile.values()) {
            Path path = directory.resolve(file.fileName());
            if (Files.isRegularFile(path)) {
                parts.add(new LegacyImports.Part(file.fileName(), () -> Files.newInputStream(path)));
            }
        }
        if (parts.isEmpty()) {
            err.println("There is none of engagements.csv, sessions.csv, results.csv in " + directory + ".");
            return 2;
        }
        List<String> arguments = new ArrayList<>(settings);
        arguments.add("--casebook.read-models.processing.enabled=false");
        arguments.add("--server.port=0");
        arguments.add("--server.address=127.0.0.1");
        try (ConfigurableApplicationContext context = new SpringApplication(CasebookApplication.class)
                .run(arguments.toArray(String[]::new))) {
            LegacyImports imports = context.getBean(LegacyImports.class);
            Locale locale = Locale.forLanguageTag(language);
            if (dryRun) {
                LegacyImports.Report report = imports.dryRun(parts, system, locale);
                print(report);
                out.println(report.valid() ? "No problems: the files can be imported."
                        : problems(report) + ": nothing can be imported until they are mended.");
                return report.valid() ? 0 : 1;
            }
            Actor actor = administrator(context);
            if (actor == null) {
                err.println("\"" + user + "\" is not an administrator of this Casebook.");
                return 2;
            }
            LegacyImports.Report started = imports.commit(parts, system, actor, locale);
            if (!started.valid()) {
                print(started);
                out.println(problems(started) + ": nothing was imported.");
                return 1;
            }
            LegacyImports.Status status = follow(imports, started.batchId());
            print(status.report());
            reconcile(status.report().reconciliation());
            out.printf("Import %s from %s: %s, %d engagements, %d events, %d events/s.%n", status.batchId(),
                    status.legacySystem(), status.state().name().toLowerCase(Locale.ROOT), status.engagementsDone(),
                    status.events(), status.eventsPerSecond());
            return status.state() == ImportLedger.State.DONE && status.report().valid() ? 0 : 1;
        }
    }

    /** The administrator named, as the import's actor; with an identity provider's users, the name as given. */
    private Actor administrator(ConfigurableApplicationContext context) {
        if (context.getBean(SecurityProperties.class).mode() != SecurityProperties.Mode.EMBEDDED) {
            return new Actor(user, Set.of(Role.ADMIN), Set.of(), Set.of());
        }
        return context.getBean(UserAccounts.class).find(user).filter(UserAccount::enabled)
                .filter(account -> account.roles().contains(Role.ADMIN)).map(UserAccount::actor).orElse(null);
    }

    private LegacyImports.Status follow(LegacyImports imports, String batchId) throws InterruptedException {
        LegacyImports.Status status = imports.status(batchId);
        ProgressBarBuilder bar = new ProgressBarBuilder()
                .setTaskName("import")
                .setInitialMax(Math.max(1, status.engagements()))
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200)
                .setUnit(" engagements", 1)
                .showSpeed()
                .setConsumer(width > 0 ? new ConsoleProgressBarConsumer(out, width) : new ConsoleProgressBarConsumer(out));
        try (ProgressBar progress = bar.build()) {
            while (status.state() == ImportLedger.State.RUNNING) {
                progress.stepTo(status.engagementsDone());
                progress.setExtraMessage(status.events() + " events");
                Thread.sleep(200);
                status = imports.status(batchId);
            }
            progress.stepTo(status.engagementsDone());
            progress.setExtraMessage(status.events() + " events");
        }
        return status;
    }

    private void print(LegacyImports.Report report) {
        report.counts().forEach((file, rows) -> out.printf("%-16s %7d rows%s%n", file, rows,
                report.skipped().containsKey(file) ? ", " + report.skipped().get(file) + " imported before (skipped)" : ""));
        for (ImportProblem note : report.notes()) {
            out.println(where(note) + "  " + note.detail());
        }
        for (ImportProblem problem : report.problems()) {
            out.println(where(problem) + "  " + problem.code() + "  " + problem.detail());
        }
    }

    /** What was stored per center and year, to hold against the legacy system's own totals. */
    private void reconcile(Reconciliation reconciliation) {
        if (reconciliation == null || reconciliation.lines().isEmpty()) {
            return;
        }
        out.printf("%-12s %4s %11s %8s %9s %8s %7s %8s  %s%n", "center", "year", "engagements", "sessions", "hours",
                "travel", "results", "verified", "capital");
        for (Reconciliation.Line line : reconciliation.lines()) {
            out.printf("%-12s %4d %11d %8d %9s %8s %7d %8d  %s%n", line.centerId(), line.year(), line.engagements(),
                    line.sessions(), line.counselingHours().toPlainString(), line.travelHours().toPlainString(),
                    line.results(), line.verifiedResults(), String.join(" ", line.capital().entrySet().stream()
                            .map(sum -> sum.getValue() + " " + sum.getKey()).toList()));
        }
    }

    private static String problems(LegacyImports.Report report) {
        return report.problems().size() == 1 ? "1 problem" : report.problems().size() + " problems";
    }

    private static String where(ImportProblem problem) {
        return problem.file() + (problem.line() == null ? "" : ":" + problem.line())
                + (problem.column() == null ? "" : " [" + problem.column() + "]");
    }
}
