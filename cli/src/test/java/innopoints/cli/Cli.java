package innopoints.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the tool in-process and captures what it prints. */
record Cli(int code, String out, String err) {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path PACK = ROOT.resolve("policies/nantong");
    static final Path SEEDS = ROOT.resolve("../shared/seeds").normalize();

    static synchronized Cli run(String... args) {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        String previous = System.getProperty("innopoints.pack");
        System.setProperty("innopoints.pack", PACK.toString());
        try {
            int code = Main.run(args);
            return new Cli(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
            if (previous == null) System.clearProperty("innopoints.pack");
            else System.setProperty("innopoints.pack", previous);
        }
    }

    static boolean haveSeeds() { return Files.isDirectory(SEEDS); }
}
