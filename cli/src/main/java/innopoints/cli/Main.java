package innopoints.cli;

import innopoints.engine.pack.Problem;
import innopoints.engine.pack.Problems;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The command-line tool: the one list from a terminal. */
@Command(name = "innopoints", mixinStandardHelpOptions = true, version = "innopoints 0.1.0",
        description = "南通企业科技创新积分平台 — the one list of Nantong's innovation policies.",
        subcommands = {CalcCommand.class, ListCommand.class, CheckCommand.class, GenerateCommand.class,
                ScreenCommand.class, ValueCommand.class, FactsCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.setOut(new PrintStream(System.out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(System.err, true, StandardCharsets.UTF_8));
        System.exit(run(args));
    }

    /** Runs the tool and returns its exit code: 0 ok, 1 failed check or error, 2 bad input. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof Problems.Invalid invalid) {
                for (Problem p : invalid.problems()) cmd.getErr().println("error: " + p);
                return 2;
            }
            if (e instanceof UserError u) {
                cmd.getErr().println("error: " + u.getMessage());
                return 2;
            }
            cmd.getErr().println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            if (System.getenv("INNOPOINTS_DEBUG") != null) e.printStackTrace(cmd.getErr());
            return 1;
        });
        return cli.execute(args);
    }

    /** A mistake in what the user asked for, with a message that says what to do. */
    public static final class UserError extends RuntimeException {
        public UserError(String message) { super(message, null, false, false); }
    }
}
