package innopoints.cli;

import innopoints.engine.pack.LoadedPack;
import innopoints.engine.pack.PackLoader;
import innopoints.engine.policy.Pack;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** --pack DIR: the policy pack to use; by default the launcher's policies/nantong, else the bundled copy. */
public final class PackOption {
    @Option(names = "--pack", paramLabel = "DIR", description = "policy pack folder (default: policies/nantong of this checkout, else the bundled pack)")
    Path dir;

    Path resolve() {
        if (dir != null) {
            if (!Files.isDirectory(dir)) throw new Main.UserError(dir + ": no such folder");
            return dir;
        }
        String configured = System.getProperty("innopoints.pack");
        if (configured != null && Files.isRegularFile(Path.of(configured, "pack.yaml"))) return Path.of(configured);
        return PackLoader.bundled();
    }

    LoadedPack loadRaw() { return PackLoader.load(resolve()); }

    Pack load() { return PackLoader.loadValid(resolve()); }
}
