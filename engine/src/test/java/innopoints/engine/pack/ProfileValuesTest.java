package innopoints.engine.pack;

import innopoints.engine.Fixtures;
import innopoints.engine.facts.Scenario;
import innopoints.engine.policy.Pack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A scenario's district, park, industries, qualifications, size, kind and listed fact values are
 * refused when the pack does not know them, naming the field and the nearest valid values, instead
 * of matching nothing in silence.
 */
class ProfileValuesTest {
    static final Pack NANTONG = PackLoader.loadValid(Fixtures.nantongDir());

    @TempDir
    Path dir;

    private List<String> problems(String json) throws IOException {
        Path f = dir.resolve("s.json");
        Files.writeString(f, json);
        Problems.Invalid e = catchThrowableOfType(Problems.Invalid.class, () -> new ScenarioReader(NANTONG).read(f));
        assertThat(e).as("the scenario should be refused").isNotNull();
        return e.problems().stream().map(p -> p.toString().replace(f.toString(), "s.json")).toList();
    }

    @Test
    void refusesADistrictWrittenWithoutItsSuffixSuggestingTheFullName() throws IOException {
        assertThat(problems("""
                {"asOf": "2026-03-01", "enterprise": {"district": "通州"}, "facts": []}
                """)).singleElement().asString()
                .startsWith("s.json:1: enterprise.district: 未知的地区“通州”，是否指“通州区”")
                .contains("可选：海安市、如皋市、如东县、启东市、海门区、通州区、崇川区");
    }

    @Test
    void refusesAnUnknownParkOfferingTheParksOfTheDistrict() throws IOException {
        assertThat(problems("""
                {"asOf": "2026-03-01", "enterprise": {"district": "通州区", "park": "南通高新"}, "facts": []}
                """)).containsExactly("s.json:1: enterprise.park: 未知的园区“南通高新”，是否指“南通高新区”？可选：南通高新区、南通国际家纺产业园区");
    }

    @Test
    void refusesAParkOfAnotherDistrict() throws IOException {
        assertThat(problems("""
                {"asOf": "2026-03-01", "enterprise": {"district": "崇川区", "park": "南通高新区"}, "facts": []}
                """)).singleElement().asString().isEqualTo("s.json:1: enterprise.park: 园区“南通高新区”不在崇川区；崇川区的园区有：崇川开发区、港闸开发区、市北高新区");
    }

    @Test
    void refusesAnUnknownIndustryAndQualificationNamingTheItemAndTheNearestWords() throws IOException {
        assertThat(problems("""
                {"asOf": "2026-03-01", "enterprise": {"district": "崇川区", "industries": ["集成电路", "集成电路设计企业"],
                  "qualifications": ["高新技术"]}, "facts": []}
                """)).satisfiesExactly(
                p -> assertThat(p).startsWith("s.json:1: enterprise.industries[1]: 未知的产业“集成电路设计企业”，是否指“集成电路设计”或“集成电路”？"),
                p -> assertThat(p).startsWith("s.json:2: enterprise.qualifications[0]: 未知的资质“高新技术”，是否指“高新技术企业”？"));
    }

    @Test
    void refusesAnUnknownSizeAndAnUnknownListedFactValueWithTheValidOnes() throws IOException {
        assertThat(problems("""
                {"asOf": "2026-03-01", "enterprise": {"district": "崇川区", "size": "中型"},
                 "facts": [{"type": "eda_tool", "date": "2026-02-01", "mode": "租", "cost": 1}]}
                """)).containsExactly(
                "s.json:1: enterprise.size: 未知的企业规模“中型”，是否指“medium”（中型）？可选：micro、small、medium、large（微型、小型、中型、大型）",
                "s.json:2: facts[0].mode: 未知的“租用或购买”取值“租”，是否指“租用”？可选：租用、购买");
    }

    @Test
    void refusesAnUnknownKindOfferingTheNearestKey() throws IOException {
        assertThat(problems("""
                {"asOf": "2026-03-01", "enterprise": {"district": "崇川区", "kind": "enterprises"}, "facts": []}
                """)).singleElement().asString().startsWith("s.json:1: enterprise.kind: 未知的主体类别“enterprises”，是否指“enterprise”？");
    }

    @Test
    void readsAScenarioWithoutADistrict() throws IOException {
        Path f = dir.resolve("s.json");
        Files.writeString(f, """
                {"asOf": "2026-03-01", "enterprise": {"industries": ["集成电路设计"]}, "facts": []}
                """);
        Scenario s = new ScenarioReader(NANTONG).read(f);
        assertThat(s.subject().district()).isNull();
    }
}
