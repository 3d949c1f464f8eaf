package org.casebook.ops.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rebuild NAME --url URL --user USER}: starts a rebuild of one read model on a running Casebook
 * and draws its progress (events folded, events per second, time left) until the new version serves.
 */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = {"Rebuilds a read model from the events beside the version that serves, which keeps serving",
                "until the new one has caught up. Draws the progress until the switch.",
                "The password comes from CASEBOOK_PASSWORD, or is asked for."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the new version serves", "1:the rebuild was refused, cancelled or failed",
                "2:wrong arguments"})
final class RebuildCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "The read model: engagements, figures or reference-data.")
    String name;

    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "Casebook's address (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--user", required = true, description = "An operator's user name.")
    String user;

    @Option(names = "--every", defaultValue = "500ms", converter = Durations.class, hidden = true,
            description = "How often to ask how far the rebuild is.")
    Duration every;

    /** The terminal's width; 0: as the terminal says. */
    int width;
    PrintStream out = System.out;
    PrintStream err = System.err;
    Passwords passwords = Passwords.fromEnvironmentOrConsole();

    @Override
    public Integer call() throws InterruptedException {
        char[] password = passwords.password(user);
        if (password == null) {
            err.println("No password: set CASEBOOK_PASSWORD, or run the command in a terminal to be asked for it.");
            return 2;
        }
        OpsClient casebook = new OpsClient(url, user, password);
        try {
            OpsClient.Answer started = casebook.post("/api/ops/projections/" + name + "/rebuild");
            if (started.status() != 202) {
                err.println("The rebuild of " + name + " was not started: " + OpsClient.detail(started));
                return 1;
            }
            int version = started.body().path("version").asInt();
            out.println("Rebuilding " + name + " as version " + version + "; the version serving now goes on serving.");
            return follow(casebook, version);
        } catch (OpsClient.Failed failed) {
            err.println(failed.getMessage());
            return 1;
        }
    }

    private int follow(OpsClient casebook, int version) throws InterruptedException {
        ProgressBarBuilder bar = new ProgressBarBuilder()
                .setTaskName(name + " v" + version)
                .setInitialMax(1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis((int) Math.max(100, every.toMillis()))
                .setUnit(" events", 1)
                .showSpeed()
                .setConsumer(width > 0 ? new ConsoleProgressBarConsumer(out, width) : new ConsoleProgressBarConsumer(out));
        JsonNode status;
        try (ProgressBar progress = bar.build()) {
            while (true) {
                status = casebook.get("/api/ops/projections/" + name).body();
                JsonNode rebuild = status.path("rebuild");
                if (status.path("version").asInt() == version) {
                    progress.maxHint(Math.max(1, status.path("head").asLong()));
                    progress.stepTo(Math.max(1, status.path("head").asLong()));
                    break;
                }
                if (rebuild.isMissingNode() || rebuild.isNull() || rebuild.path("version").asInt() != version) {
                    break;
                }
                progress.maxHint(Math.max(1, status.path("head").asLong()));
                progress.stepTo(Math.max(0, rebuild.path("position").asLong()));
                Thread.sleep(every.toMillis());
            }
        }
        if (status.path("version").asInt() == version) {
            out.println("Version " + version + " of " + name + " serves the queries now.");
            return 0;
        }
        JsonNode last = status.path("lastRebuild");
        String how = last.path("version").asInt() == version ? last.path("status").asText("ENDED") : "ENDED";
        err.println("The rebuild of " + name + " as version " + version + " did not take over: "
                + how.toLowerCase(java.util.Locale.ROOT)
                + (last.path("failure").isTextual() ? " (" + last.path("failure").asText() + ")" : "") + ".");
        return 1;
    }
}
