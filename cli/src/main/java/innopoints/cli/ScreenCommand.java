package innopoints.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "screen", description = "Screen a population against the whole pack.")
final class ScreenCommand implements Callable<Integer> {
    public Integer call() { throw new Main.UserError("not built yet"); }
}
