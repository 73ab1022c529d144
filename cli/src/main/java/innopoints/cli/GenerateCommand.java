package innopoints.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "generate", description = "Generate a synthetic population of Nantong enterprises.")
final class GenerateCommand implements Callable<Integer> {
    public Integer call() { throw new Main.UserError("not built yet"); }
}
