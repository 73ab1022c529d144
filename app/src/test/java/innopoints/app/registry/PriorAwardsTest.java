package innopoints.app.registry;

import innopoints.app.accounts.Role;
import innopoints.app.support.Accounts;
import innopoints.app.support.ServiceTest;
import innopoints.app.support.TestEnterprises;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Earlier awards (已获奖励) in the registry: an officer records one, the enterprise's calculator
 * reduces or refuses what that matter would pay again for the same project, voiding restores it;
 * who may record and void; every bad field refused in Chinese naming the field.
 *
 * <p>The example, by hand from the texts: a 通州区 enterprise took part in an overseas exhibition
 * of the 江苏省贸易促进计划 ("2026广交会") with a booth fee of 30,000元. City 24.2 ("给予最高2万元定额
 * 展位费补贴") gives at most min(20,000, 30,000) = 20,000元; Tongzhou 9 ("按实际展位费每2000元得0.14分")
 * gives 30,000 ÷ 2,000 × 0.14 = 2.1分. "除本政策特别注明外，上级和本级政策不重复享受" forbids both without
 * saying which: a choice. After a city award of 5,000元 under 24.2 for the same exhibition, 24.2
 * (the same document: 就高) offers 20,000 − 5,000 = 15,000元, and Tongzhou 9 (上级和本级不重复) nothing.
 */
@ServiceTest
class PriorAwardsTest {
    static final String AS_OF = "2026-11-23";
    static final String EXHIBITION = "{\"type\":\"overseas_exhibition\",\"date\":\"2026-04-10\",\"project\":\"2026广交会\","
            + "\"fields\":{\"exhibition\":\"2026广交会\",\"booth_fee\":\"30000\",\"provincial_trade_program\":true}}";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired TestEnterprises enterprises;
    @Autowired JdbcClient jdbc;
    final ObjectMapper json = new ObjectMapper();

    private RequestPostProcessor as(String username, Role role, Long enterpriseId, String department) {
        return user(accounts.create(username, role, enterpriseId, department));
    }

    private JsonNode read(org.springframework.test.web.servlet.ResultActions r) throws Exception {
        return json.readTree(r.andReturn().getResponse().getContentAsString());
    }

    private org.springframework.test.web.servlet.ResultActions recordAward(long id, RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(post("/api/enterprises/" + id + "/awards").with(who).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private JsonNode matching(long id, RequestPostProcessor who) throws Exception {
        return read(mvc.perform(get("/api/enterprises/" + id + "/matching").param("asOf", AS_OF).with(who)).andExpect(status().isOk()));
    }

    private static List<String> refs(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get(field).asString()));
        return out;
    }

    private static JsonNode award(JsonNode view, String ref) {
        for (JsonNode a : view.get("awards")) if (a.get("ref").asString().equals(ref)) return a;
        return null;
    }

    @Test
    void anOfficerRecordsAnEarlierAwardTheCalculatorReducesTheSameMatterAndVoidingRestoresIt() throws Exception {
        long id = enterprises.create("南通往届展会奖励测试有限公司", "通州区");
        var officer = as("swj-award", Role.OFFICER, null, "市商务局");
        var enterprise = as("qiye-award", Role.ENTERPRISE, id, null);
        mvc.perform(post("/api/enterprises/" + id + "/facts").with(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(EXHIBITION))
                .andExpect(status().isCreated());

        JsonNode before = matching(id, enterprise);
        assertThat(before.get("choices")).hasSize(1);
        assertThat(refs(before.get("choices").get(0).get("options"), "ref")).containsExactlyInAnyOrder("city-2025:24.2", "tongzhou-2026:9");
        assertThat(refs(before.get("awards"), "ref")).doesNotContain("city-2025:24.2", "tongzhou-2026:9");

        String body = "{\"clause\":\"city-2025:24.2\",\"project\":\"2026广交会\",\"date\":\"2026-05-20\",\"figure\":5000,"
                + "\"source\":\"通商务〔2026〕12号\",\"note\":\"2026广交会展位费补贴\"}";
        JsonNode recorded = read(recordAward(id, officer, body).andExpect(status().isCreated()));
        long awardId = recorded.get("id").asLong();
        assertThat(recorded.get("recordedBy").asString()).isEqualTo("swj-award");
        assertThat(recorded.get("unit").asString()).isEqualTo("yuan");
        // a form or call sent twice records once
        assertThat(read(recordAward(id, officer, body).andExpect(status().isCreated())).get("id").asLong()).isEqualTo(awardId);
        assertThat(jdbc.sql("select count(*) from prior_award where enterprise_id = ?").param(id).query(Long.class).single()).isEqualTo(1);

        JsonNode after = matching(id, enterprise);
        assertThat(after.get("choices")).isEmpty();
        JsonNode city = award(after, "city-2025:24.2");
        assertThat(city).as("24.2 reduced by what the exhibition already received").isNotNull();
        assertThat(city.get("figure").decimalValue()).isEqualByComparingTo("15000");
        assertThat(city.get("items").get(0).get("steps").toString()).contains("2026-05-20");
        assertThat(award(after, "tongzhou-2026:9")).as("上级和本级政策不重复享受: refused outright").isNull();
        JsonNode refusal = null;
        for (JsonNode n : after.get("notAgain")) if (n.get("ref").asString().equals("tongzhou-2026:9")) refusal = n;
        assertThat(refusal).as("the refusal is shown, naming the earlier award and the sentence").isNotNull();
        assertThat(refusal.get("reason").asString()).contains("2026-05-20", "5,000", "上级和本级政策不重复享受");
        assertThat(mvc.perform(get("/enterprises/" + id + "/match").param("asOf", AS_OF).with(enterprise)).andReturn().getResponse()
                .getContentAsString()).contains("同一事项已享受或就高不重复，未予计算的条款", "参加境外展会展位费奖励", "15,000.00元");
        // the push follows at once (re-screened on recording)
        JsonNode push = read(mvc.perform(get("/api/enterprises/" + id + "/entitlements").with(enterprise)).andExpect(status().isOk()));
        assertThat(refs(push, "clause")).contains("city-2025:24.2").doesNotContain("tongzhou-2026:9");

        // the enterprise reads its own list, and nothing of a record can be edited
        JsonNode list = read(mvc.perform(get("/api/enterprises/" + id + "/awards").with(enterprise)).andExpect(status().isOk()));
        assertThat(list).hasSize(1);
        assertThatThrownBy(() -> jdbc.sql("update prior_award set figure = 1 where id = ?").param(awardId).update())
                .hasMessageContaining("append-only");

        JsonNode voided = read(mvc.perform(post("/api/enterprises/" + id + "/awards/" + awardId + "/void").with(officer).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"文号登记错误，实为另一展会\"}")).andExpect(status().isOk()));
        assertThat(voided.get("voided").asBoolean()).isTrue();
        assertThat(voided.get("voidedBy").asString()).isEqualTo("swj-award");
        assertThat(voided.get("voidReason").asString()).isEqualTo("文号登记错误，实为另一展会");
        mvc.perform(post("/api/enterprises/" + id + "/awards/" + awardId + "/void").with(officer).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"再次撤销\"}")).andExpect(status().isConflict());

        JsonNode restored = matching(id, enterprise);
        assertThat(restored.get("choices")).hasSize(1);
        assertThat(award(restored, "city-2025:24.2")).isNull();
        // the record stays, with its voiding, in the list and on the page
        JsonNode audit = read(mvc.perform(get("/api/enterprises/" + id + "/awards").with(enterprise)).andExpect(status().isOk()));
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("figure").decimalValue()).isEqualByComparingTo("5000");
        assertThat(audit.get(0).get("voided").asBoolean()).isTrue();
        String page = mvc.perform(get("/enterprises/" + id + "/awards").with(enterprise)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("已撤销", "文号登记错误，实为另一展会", "通商务〔2026〕12号").doesNotContain("award-form");
    }

    @Test
    void onlyOfficersOfTheClausesDepartmentAndAdministratorsRecordAndAnotherEnterpriseAnswersAsMissing() throws Exception {
        long id = enterprises.create("南通奖励权限测试有限公司", "通州区");
        long other = enterprises.create("南通奖励权限另一企业有限公司", "崇川区");
        var enterprise = as("qiye-award-own", Role.ENTERPRISE, id, null);
        var commerce = as("swj-award-2", Role.OFFICER, null, "市商务局");
        var industry = user(accounts.get("gxj"));
        String cityAward = "{\"clause\":\"city-2025:24.2\",\"date\":\"2026-05-20\",\"figure\":\"5000\"}";

        recordAward(id, enterprise, cityAward).andExpect(status().isForbidden());
        mvc.perform(post("/enterprises/" + id + "/awards").with(enterprise).with(csrf()).param("clause", "city-2025:24.2")
                .param("date", "2026-05-20").param("figure", "5000")).andExpect(status().isForbidden());
        recordAward(id, user(accounts.get("caizheng")), cityAward).andExpect(status().isForbidden());
        JsonNode refused = read(recordAward(id, industry, cityAward).andExpect(status().isForbidden()));
        assertThat(refused.get("detail").asString()).contains("市商务局", "市工信局");
        assertThat(jdbc.sql("select count(*) from prior_award where enterprise_id = ?").param(id).query(Long.class).single()).isZero();
        // the form says it beside the clause, keeping what was typed
        var refusedForm = mvc.perform(post("/enterprises/" + id + "/awards").with(industry).with(csrf()).param("clause", "city-2025:24.2")
                .param("date", "2026-05-20").param("figure", "5000")).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(mvc.perform(get("/enterprises/" + id + "/awards").with(industry).flashAttrs(refusedForm.getFlashMap())).andReturn()
                .getResponse().getContentAsString()).contains("该条款由市商务局负责", "value=\"city-2025:24.2\"");
        assertThat(jdbc.sql("select count(*) from prior_award where enterprise_id = ?").param(id).query(Long.class).single()).isZero();

        // an award under a policy outside the pack: any officer
        long outside = read(recordAward(id, industry, "{\"matter\":\"overseas-exhibition\",\"level\":\"province\",\"unit\":\"yuan\","
                + "\"project\":\"2026广交会\",\"date\":\"2026-03-01\",\"figure\":\"8000\",\"source\":\"省商务厅\"}").andExpect(status().isCreated())).get("id").asLong();
        long city = read(recordAward(id, commerce, cityAward).andExpect(status().isCreated())).get("id").asLong();
        // voiding a pack clause's award is the clause's department's (or an administrator's)
        mvc.perform(post("/api/enterprises/" + id + "/awards/" + city + "/void").with(industry).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"误录\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/enterprises/" + id + "/awards/" + city + "/void").with(user(accounts.get("admin"))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"误录\"}")).andExpect(status().isOk());

        // another enterprise's list, and an award id under another enterprise, answer exactly as missing ones
        String missing = read(mvc.perform(get("/api/enterprises/99999999/awards").with(enterprise)).andExpect(status().isNotFound())).get("detail").asString();
        String another = read(mvc.perform(get("/api/enterprises/" + other + "/awards").with(enterprise)).andExpect(status().isNotFound())).get("detail").asString();
        assertThat(another).isEqualTo(missing);
        mvc.perform(get("/enterprises/" + other + "/awards").with(enterprise)).andExpect(status().isNotFound());
        mvc.perform(post("/api/enterprises/" + other + "/awards/" + outside + "/void").with(user(accounts.get("admin"))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"误录\"}")).andExpect(status().isNotFound());
        assertThat(read(mvc.perform(get("/api/enterprises/" + id + "/awards").with(enterprise)).andExpect(status().isOk()))).hasSize(2);
    }

    @Test
    void everyBadFieldIsRefusedInChineseNamingTheFieldAndNothingIsStored() throws Exception {
        long id = enterprises.create("南通奖励输入测试有限公司", "通州区");
        var admin = user(accounts.get("admin"));
        assertFieldError(id, admin, "{\"clause\":\"city-2025:24.2\",\"date\":\"2026-05-20\",\"figure\":1e1000000}", "figure", "超出范围");
        assertFieldError(id, admin, "{\"clause\":\"city-2025:24.2\",\"date\":\"2026-05-20\",\"figure\":\"99999999999999\"}", "figure", "超出范围");
        assertFieldError(id, admin, "{\"clause\":\"city-2025:24.2\",\"date\":\"2026-05-20\",\"figure\":-5}", "figure", "不能为负数");
        assertFieldError(id, admin, "{\"clause\":\"tongzhou-2026:9\",\"date\":\"2026-05-20\",\"figure\":\"1.23456\"}", "figure", "最多4位小数");
        assertFieldError(id, admin, "{\"clause\":\"city-2025:99.9\",\"date\":\"2026-05-20\",\"figure\":1}", "clause", "条款");
        assertFieldError(id, admin, "{\"clause\":\"city-2025:24.2\",\"date\":\"2030-01-01\",\"figure\":1}", "date", "不能晚于今天");
        assertFieldError(id, admin, "{\"clause\":\"city-2025:24.2\",\"date\":\"2026-05-20\",\"figure\":1,\"note\":\"" + "长".repeat(2001) + "\"}", "note", "过长");
        JsonNode missing = read(recordAward(id, admin, "{\"date\":\"2026-05-20\",\"figure\":1}").andExpect(status().isBadRequest()));
        assertThat(refs(missing.get("errors"), "field")).containsExactly("matter", "level", "unit");
        assertThat(missing.get("errors").toString()).contains("“事项”", "“层级”", "“单位”");
        JsonNode unknown = read(recordAward(id, admin, "{\"matter\":\"展会\",\"level\":\"县级\",\"unit\":\"美元\",\"date\":\"2026-05-20\",\"figure\":1}")
                .andExpect(status().isBadRequest()));
        assertThat(refs(unknown.get("errors"), "field")).containsExactly("matter", "level", "unit");
        assertThat(jdbc.sql("select count(*) from prior_award where enterprise_id = ?").param(id).query(Long.class).single()).isZero();

        // the form: redirected back with every error in Chinese beside the field, and what was typed kept
        var refused = mvc.perform(post("/enterprises/" + id + "/awards").with(admin).with(csrf()).param("clause", "")
                        .param("date", "2026-05-20").param("figure", "-3").param("project", "2026广交会"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String html = mvc.perform(get("/enterprises/" + id + "/awards").with(admin).flashAttrs(refused.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("有4处填写有误", "“事项”必须填写", "“层级”必须填写", "“单位”必须填写", "不能为负数", "value=\"2026广交会\"");
    }

    private void assertFieldError(long id, RequestPostProcessor who, String body, String field, String words) throws Exception {
        JsonNode p = read(recordAward(id, who, body).andExpect(status().isBadRequest()));
        assertThat(refs(p.get("errors"), "field")).as(body).containsExactly(field);
        assertThat(p.get("errors").get(0).get("message").asString()).as(body).contains(words).contains("（" + field + "）");
    }
}
