package innopoints.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** check passes on the Nantong pack and fails, with file and line, on broken copies of it. */
class CheckCommandTest {
    @TempDir
    Path dir;

    private Path copy() throws IOException {
        try (Stream<Path> files = Files.walk(Cli.PACK)) {
            for (Path p : files.toList()) {
                Path to = dir.resolve(Cli.PACK.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        return dir;
    }

    private static int lineOf(Path file, String text) throws IOException {
        var lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError(text + " not in " + file);
    }

    @Test
    void passesOnTheNantongPack() {
        Cli r = Cli.haveSeeds() ? Cli.run("check", Cli.PACK.toString(), "--sources", Cli.SEEDS.toString()) : Cli.run("check", Cli.PACK.toString());
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).startsWith("ok: ").contains(" 0 problems");
    }

    @Test
    void failsWithFileAndLineOnABrokenCopy() throws IOException {
        Path root = copy();
        Path doc = root.resolve("000-city-fusion/document.yaml");
        int line = lineOf(doc, "fact: ic_tape_out");
        Files.writeString(doc, Files.readString(doc).replaceFirst("fact: ic_tape_out", "fact: ic_tapeout"));
        Cli r = Cli.run("check", root.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(doc + ":" + line + ": ").contains("unknown fact type 'ic_tapeout'").contains("FAILED");
    }

    @Test
    void failsOnAWorkedCaseThatNoLongerHolds() throws IOException {
        Path root = copy();
        Path doc = root.resolve("000-city-fusion/document.yaml");
        String text = Files.readString(doc);
        String changed = text.replaceFirst("percent: 30\\b", "percent: 35");
        assertThat(changed).isNotEqualTo(text);
        Files.writeString(doc, changed);
        Cli r = Cli.run("check", root.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).containsPattern("cases[^:]*\\.yaml:\\d+: case '");
    }

    @Test
    void failsOnBrokenYamlWithItsLine() throws IOException {
        Path root = copy();
        Path doc = root.resolve("002-future-industries-draft/document.yaml");
        Files.writeString(doc, Files.readString(doc) + "\n  - id: [unclosed\n");
        Cli r = Cli.run("check", root.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).containsPattern(doc + ":\\d+: : not valid YAML/JSON|" + doc + ":\\d+: not valid YAML/JSON");
    }

    @Test
    void failsOnAClauseWithoutAWorkedCase() throws IOException {
        Path root = copy();
        try (Stream<Path> cases = Files.list(root.resolve("002-future-industries-draft"))) {
            for (Path c : cases.filter(p -> p.getFileName().toString().startsWith("cases")).toList()) Files.delete(c);
        }
        Cli r = Cli.run("check", root.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("002-future-industries-draft/document.yaml:").contains("has no worked case");
    }
}
