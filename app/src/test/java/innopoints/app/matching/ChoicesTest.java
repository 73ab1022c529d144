package innopoints.app.matching;

import innopoints.app.accounts.Role;
import innopoints.app.support.Accounts;
import innopoints.app.support.ServiceTest;
import innopoints.app.support.TestEnterprises;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Figures the texts forbid enjoying together without saying which (a choice, 择一) on the
 * calculator page, the what-if, the push and the API; never added to the totals; an officer sees
 * only the options of clauses its department answers for.
 *
 * <p>By hand: a 通州区 enterprise at an overseas exhibition of the 江苏省贸易促进计划, booth fee
 * 30,000元: city 24.2 gives up to min(20,000, 30,000) = 20,000元, Tongzhou 9 gives 30,000 ÷ 2,000 ×
 * 0.14 = 2.1分, and "上级和本级政策不重复享受" forbids both without saying which.
 */
@ServiceTest
class ChoicesTest {
    static final String AS_OF = "2026-11-23";
    static final String FORBIDS = "上级和本级政策不重复享受";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired TestEnterprises enterprises;
    final ObjectMapper json = new ObjectMapper();

    private long exhibitor(String name) throws Exception {
        long id = enterprises.create(name, "通州区");
        mvc.perform(post("/api/enterprises/" + id + "/facts").with(user(accounts.get("admin"))).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"overseas_exhibition\",\"date\":\"2026-04-10\",\"project\":\"2026广交会\","
                                + "\"fields\":{\"exhibition\":\"2026广交会\",\"booth_fee\":\"30000\",\"provincial_trade_program\":true}}"))
                .andExpect(status().isCreated());
        return id;
    }

    private JsonNode matching(long id, RequestPostProcessor who) throws Exception {
        return json.readTree(mvc.perform(get("/api/enterprises/" + id + "/matching").param("asOf", AS_OF).with(who))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static List<String> values(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get(field).asString()));
        return out;
    }

    @Test
    void theCityAndTongzhouFiguresForOneExhibitionAreOfferedAsAChoiceOutsideTheTotals() throws Exception {
        long id = exhibitor("南通择一展会测试有限公司");
        var enterprise = user(accounts.create("qiye-choice", Role.ENTERPRISE, id, null));
        JsonNode view = matching(id, enterprise);
        assertThat(view.get("choices")).hasSize(1);
        JsonNode choice = view.get("choices").get(0);
        assertThat(choice.get("quote").asString()).contains(FORBIDS);
        assertThat(choice.get("project").asString()).isEqualTo("2026广交会");
        JsonNode options = choice.get("options");
        assertThat(values(options, "ref")).containsExactlyInAnyOrder("city-2025:24.2", "tongzhou-2026:9");
        for (JsonNode o : options) {
            String other = o.get("ref").asString().equals("city-2025:24.2") ? "tongzhou-2026:9" : "city-2025:24.2";
            assertThat(o.get("figure").decimalValue()).isEqualByComparingTo(other.equals("tongzhou-2026:9") ? "20000" : "2.1");
            assertThat(o.get("unit").asString()).isEqualTo(other.equals("tongzhou-2026:9") ? "yuan" : "points");
            String steps = o.get("item").get("steps").toString();
            assertThat(steps).as("each option's explanation names the other and the sentence").contains(FORBIDS);
        }
        assertThat(values(view.get("awards"), "ref")).doesNotContain("city-2025:24.2", "tongzhou-2026:9");
        assertThat(view.get("totals").has("分")).as("the points option is not added to a total").isFalse();

        String page = mvc.perform(get("/enterprises/" + id + "/match").param("asOf", AS_OF).with(enterprise)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("以下事项不可同时享受，请择一申报", "可选其一", "江苏省贸易促进计划境外线下展会展位费补贴", "参加境外展会展位费奖励", FORBIDS,
                "20,000.00元", "2.1000分");

        // the push (re-screened on declaring) marks both as options of one choice
        JsonNode push = json.readTree(mvc.perform(get("/api/enterprises/" + id + "/entitlements").with(enterprise)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        List<String> options24 = new ArrayList<>();
        for (JsonNode r : push) if (r.get("option").asBoolean()) options24.add(r.get("clause").asString() + "|" + r.get("choiceWith").get(0).asString());
        assertThat(options24).containsExactlyInAnyOrder("city-2025:24.2|tongzhou-2026:9", "tongzhou-2026:9|city-2025:24.2");
        String show = mvc.perform(get("/enterprises/" + id).with(enterprise)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(show).contains("择一", "不可同时享受，与 tongzhou-2026:9 择一申报");

        // the what-if shows the choice of the hypothetical state too
        String whatIf = mvc.perform(post("/enterprises/" + id + "/what-if").with(enterprise).with(csrf()).param("asOf", AS_OF))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(whatIf).contains("whatif-choices", "以下事项不可同时享受，请择一申报");
        JsonNode answer = json.readTree(mvc.perform(post("/api/enterprises/" + id + "/what-if").with(enterprise).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"asOf\":\"" + AS_OF + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(answer.get("after").get("choices")).hasSize(1);
    }

    @Test
    void anOfficerSeesOnlyTheOptionsOfClausesItsDepartmentAnswersFor() throws Exception {
        long id = exhibitor("南通择一权限测试有限公司");
        JsonNode city = matching(id, user(accounts.create("swj-choice", Role.OFFICER, null, "市商务局")));
        assertThat(values(city.get("choices").get(0).get("options"), "ref")).containsExactly("city-2025:24.2");
        JsonNode district = matching(id, user(accounts.create("qswj-choice", Role.OFFICER, null, "区商务局")));
        assertThat(values(district.get("choices").get(0).get("options"), "ref")).containsExactly("tongzhou-2026:9");
        assertThat(matching(id, user(accounts.get("gxj"))).get("choices")).isEmpty();
        JsonNode push = json.readTree(mvc.perform(get("/api/enterprises/" + id + "/entitlements").with(user(accounts.get("gxj"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(values(push, "clause")).doesNotContain("city-2025:24.2", "tongzhou-2026:9");
    }
}
