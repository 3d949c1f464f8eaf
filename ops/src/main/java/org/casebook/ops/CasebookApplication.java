package org.casebook.ops;

import java.nio.file.Path;
import org.casebook.ops.start.StartFailure;
import org.casebook.shared.audit.AuditBundle;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Casebook as one service: the command side, the query side, and what operators need around them. */
@SpringBootApplication(scanBasePackages = "org.casebook")
public class CasebookApplication {

    /** Axon's update checker would call the internet at start; service centers' networks are closed. */
    static final String UPDATE_CHECKER_OFF = "axoniq.update-checker.disabled";

    public static void main(String[] args) {
        if (args.length > 0 && "verify".equals(args[0])) {
            System.exit(verify(args));
        }
        if (org.casebook.ops.cli.CasebookCommands.wanted(args)) {
            if (System.getProperty(UPDATE_CHECKER_OFF) == null) {
                System.setProperty(UPDATE_CHECKER_OFF, "true");
            }
            System.exit(org.casebook.ops.cli.CasebookCommands.run(args));
        }
        if (System.getProperty(UPDATE_CHECKER_OFF) == null) {
            System.setProperty(UPDATE_CHECKER_OFF, "true");
        }
        SpringApplication application = new SpringApplication(CasebookApplication.class);
        AtomicBoolean started = new AtomicBoolean();
        application.addListeners((ApplicationStartedEvent event) -> started.set(true));
        try {
            application.run(args);
        } catch (Throwable failure) {
            // Spring has closed what it started; a library's thread left behind must not keep the process alive.
            System.err.println((started.get() ? "Casebook stopped: " : "Casebook did not start: ")
                    + StartFailure.explain(failure));
            System.exit(1);
        }
    }

    /**
     * {@code java -jar casebook.jar verify FILE [--key FINGERPRINT]}: checks a donor export offline, needing
     * no database, and answers 0 only when its manifest's signature holds (by the pinned key, if given) and
     * every chain in it is whole.
     */
    static int verify(String[] args) {
        boolean withKey = args.length == 4 && "--key".equals(args[2]);
        if (args.length != 2 && !withKey) {
            System.out.println("Usage: java -jar casebook.jar verify BUNDLE-FILE [--key FINGERPRINT]");
            return 2;
        }
        return AuditBundle.run(Path.of(args[1]), withKey ? args[3] : null, System.out);
    }
}
