package innopoints.cli;

import innopoints.engine.pack.LoadedPack;
import innopoints.engine.pack.PackChecker;
import innopoints.engine.pack.PackLoader;
import innopoints.engine.pack.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** check [PACK_DIR]: validates a pack and runs its worked cases. */
@Command(name = "check", description = "Validate a policy pack: schema errors with file and line, unknown fact keys, failing or missing worked cases, matters that overlap without a stacking rule.")
final class CheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PACK_DIR", arity = "0..1", description = "the pack folder (default: policies/nantong)")
    Path dir;

    @Option(names = "--sources", paramLabel = "DIR", description = "the source texts, to check that every clause quotes its document verbatim (default: ../shared/seeds if present)")
    Path sources;

    @Override
    public Integer call() {
        Path root = dir;
        if (root == null) {
            PackOption option = new PackOption();
            root = option.resolve();
        }
        if (!Files.isDirectory(root)) throw new Main.UserError(root + ": no such folder");
        Path src = sources;
        if (src == null) {
            Path guess = Path.of("..", "shared", "seeds");
            if (Files.isDirectory(guess)) src = guess;
        } else if (!Files.isDirectory(src)) throw new Main.UserError(src + ": no such folder");
        LoadedPack loaded = PackLoader.load(root);
        PackChecker.Report report = PackChecker.check(loaded, src);
        for (Problem p : report.problems()) System.out.println(p);
        System.out.println((report.ok() ? "ok: " : "FAILED: ") + report.documents() + " documents, " + report.clauses() + " clauses, "
                + report.casesPassed() + "/" + report.cases() + " worked cases pass, " + report.problems().size() + " problems"
                + (src == null ? " (quotes not checked against sources: pass --sources)" : ""));
        return report.ok() ? 0 : 1;
    }
}
