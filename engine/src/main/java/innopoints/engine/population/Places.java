package innopoints.engine.population;

import innopoints.engine.pack.Node;
import innopoints.engine.pack.Problems;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Nantong's areas (板块) and their specialty parks with industry directions, from seed 004
 * (policies/nantong/places.yaml).
 */
public record Places(List<Area> areas) {

    public enum AreaKind { DISTRICT, COUNTY, ZONE }

    public record Park(String name, String directions) {}

    public record Area(String name, AreaKind kind, String code, BigDecimal weight, List<Park> parks) {}

    public static Places load(Path packRoot) {
        Problems problems = new Problems();
        Path file = packRoot.resolve("places.yaml");
        Node root = Node.read(file, file.toString(), problems);
        problems.throwIfAny();
        Node.Fields f = root.fields();
        problems.throwIfAny();
        f.text("source", false);
        List<Area> areas = new ArrayList<>();
        for (Node a : f.items("areas")) {
            Node.Fields af = a.fields();
            if (af == null) continue;
            String name = af.text("name", true);
            String kind = af.text("kind", true);
            String code = af.text("code", true);
            BigDecimal weight = af.decimal("weight", true);
            List<Park> parks = new ArrayList<>();
            for (Node p : af.items("parks")) {
                Node.Fields pf = p.fields();
                if (pf == null) continue;
                parks.add(new Park(pf.text("name", true), pf.text("directions", true)));
                pf.done();
            }
            af.done();
            AreaKind k = kind == null ? null : switch (kind) {
                case "district" -> AreaKind.DISTRICT;
                case "county" -> AreaKind.COUNTY;
                case "zone" -> AreaKind.ZONE;
                default -> {
                    af.opt("kind").problem("expected district, county or zone");
                    yield null;
                }
            };
            if (code != null && !code.matches("\\d{6}")) af.opt("code").problem("an administrative division code has 6 digits");
            if (name != null && k != null && code != null && weight != null) areas.add(new Area(name, k, code, weight, List.copyOf(parks)));
        }
        f.done();
        problems.throwIfAny();
        return new Places(List.copyOf(areas));
    }
}
