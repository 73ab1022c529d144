package innopoints.cli;

import innopoints.engine.population.Places;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** The parks and their industry directions are quoted from seed 004. */
class PlacesTest {
    @Test
    void quotesEveryParksDirectionsFromTheActionPlan() throws IOException {
        Places places = Places.load(Cli.PACK);
        assertThat(places.areas()).hasSize(11);
        assertThat(places.areas().stream().mapToLong(a -> a.parks().size()).sum()).isEqualTo(20);
        // The source texts live beside the repository (../shared/seeds), not in it: without them there is nothing to compare.
        org.junit.jupiter.api.Assumptions.assumeTrue(Cli.haveSeeds(), "no source texts at " + Cli.SEEDS);
        String seed = Files.readString(Cli.SEEDS.resolve("004_19e8be819a9a6524.txt"), StandardCharsets.UTF_8).replaceAll("\\s+", "");
        for (Places.Area a : places.areas()) {
            for (Places.Park p : a.parks()) assertThat(seed).as(p.name()).contains(p.directions().replaceAll("\\s+", ""));
        }
    }
}
