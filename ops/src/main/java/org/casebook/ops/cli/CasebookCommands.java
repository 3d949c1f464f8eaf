package org.casebook.ops.cli;

import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The operators' tools, as subcommands of the service's own jar: {@code rebuild} (of a running service),
 * {@code check} and {@code import} (with the databases' settings). Without a subcommand the jar runs the service.
 */
@Command(name = "java -jar casebook.jar", mixinStandardHelpOptions = true,
        subcommands = {RebuildCommand.class, CheckCommand.class, ImportCommand.class},
        description = "Casebook's operations tools. Without a command, the jar runs the service.")
public final class CasebookCommands implements Runnable {

    private static final Set<String> NAMES = Set.of("rebuild", "check", "import", "help", "--help", "-h");

    /** Whether these arguments ask for a tool rather than the service. */
    public static boolean wanted(String[] args) {
        return args.length > 0 && NAMES.contains(args[0]);
    }

    /** Runs the tool the arguments name; the exit code. */
    public static int run(String[] args) {
        if ("help".equals(args[0])) {
            args[0] = "--help";
        }
        return new CommandLine(new CasebookCommands()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
