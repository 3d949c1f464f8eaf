package org.casebook.ops.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.casebook.ops.CasebookApplication;
import org.casebook.ops.readmodels.ConsistencyCheck;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code check}: folds every event again into scratch read models and compares them with the serving
 * ones, with the same database settings as the service (the standard Spring properties, or the embedded
 * databases' data directory). Folds nothing of the serving versions: safe beside running nodes.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks that the read models are exactly what the events say: rebuilds each into a scratch",
                "area and reports every document that differs from the serving one, by collection and id.",
                "Database settings as for the service, e.g. --spring.datasource.url=... (or their environment variables)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no differences", "1:differences found, or the check could not run"})
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--timeout", defaultValue = "2h", converter = Durations.class,
            description = "How long the check may take (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Unmatched
    List<String> settings = new ArrayList<>();

    PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        List<String> arguments = new ArrayList<>(settings);
        arguments.add("--casebook.read-models.processing.enabled=false");
        // The service's beans include its web layer; the check's own server answers only on loopback.
        arguments.add("--server.port=0");
        arguments.add("--server.address=127.0.0.1");
        SpringApplication application = new SpringApplication(CasebookApplication.class);
        try (ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new))) {
            ConsistencyCheck.Report report = context.getBean(ConsistencyCheck.class).run("check (command line)", timeout,
                    ConsistencyCheck.Progress.NONE);
            report.documentsByCollection().forEach((collection, count) ->
                    out.printf("%-24s %9d documents%n", collection, count));
            report.details().forEach(difference -> out.printf("%-9s %s/%s %s%n", difference.kind(),
                    difference.readModel(), difference.collection(), difference.id()));
            out.printf("%d documents checked, %d differences%n", report.documents(), report.differences());
            return report.differences() == 0 ? 0 : 1;
        }
    }
}
