package org.casebook.ops.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.casebook.ops.CasebookApplication;
import org.casebook.ops.imports.ImportFile;
import org.casebook.ops.imports.ImportProblem;
import org.casebook.ops.imports.LegacyImports;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code import DIR --dry-run}: checks the files of a legacy history in a directory (engagements.csv,
 * sessions.csv, results.csv) against the database the settings name, and prints every problem with its
 * file, line and column. Stores nothing.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Checks the files of a legacy history (engagements.csv, sessions.csv, results.csv) in DIR.",
                "Database settings as for the service, e.g. --spring.datasource.url=... (or their environment variables)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the files can be imported", "1:problems found (each printed)", "2:wrong arguments"})
final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The directory that holds the files.")
    Path directory;

    @Option(names = "--dry-run", description = "Check every row and store nothing.")
    boolean dryRun;

    @Option(names = "--language", defaultValue = "en", description = "The language of the messages: en or es.")
    String language;

    @Unmatched
    List<String> settings = new ArrayList<>();

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        if (!dryRun) {
            err.println("This version checks imports only: run it with --dry-run.");
            return 2;
        }
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
            LegacyImports.Report report = context.getBean(LegacyImports.class).dryRun(parts,
                    Locale.forLanguageTag(language));
            report.counts().forEach((file, rows) -> out.printf("%-16s %7d rows%n", file, rows));
            for (ImportProblem note : report.notes()) {
                out.println(where(note) + "  " + note.detail());
            }
            for (ImportProblem problem : report.problems()) {
                out.println(where(problem) + "  " + problem.code() + "  " + problem.detail());
            }
            out.println(report.valid() ? "No problems: the files can be imported."
                    : (report.problems().size() == 1 ? "1 problem" : report.problems().size() + " problems")
                            + ": nothing can be imported until they are mended.");
            return report.valid() ? 0 : 1;
        }
    }

    private static String where(ImportProblem problem) {
        return problem.file() + (problem.line() == null ? "" : ":" + problem.line())
                + (problem.column() == null ? "" : " [" + problem.column() + "]");
    }
}
