package innopoints.app.registry;

import innopoints.app.support.Accounts;
import innopoints.app.support.ServiceTest;
import innopoints.app.support.TestEnterprises;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Refused input: every message in Chinese naming its field, one problem shape, and nothing written. */
@ServiceTest
class BadInputTest {
    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired TestEnterprises enterprises;
    @Autowired JdbcClient jdbc;

    ResultActions declare(long id, String json) throws Exception {
        return mvc.perform(post("/api/enterprises/" + id + "/facts").with(user(accounts.get("kjj"))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    long facts(long id) {
        return jdbc.sql("select count(*) from enterprise_fact where enterprise_id = ?").param(id).query(Long.class).single();
    }

    @Test
    void anUnknownFactTypeIsRefusedNamingTheField() throws Exception {
        long id = enterprises.create("南通坏输入一有限公司", "崇川区");
        declare(id, "{\"type\":\"no_such_thing\",\"date\":\"2026-06-01\",\"fields\":{}}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("输入有误"))
                .andExpect(jsonPath("$.errors[0].field").value("type"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("不在事项词汇表中")));
        assertThat(facts(id)).isZero();
    }

    @Test
    void everyBadFieldIsNamedAtOnceAndNothingIsWritten() throws Exception {
        long id = enterprises.create("南通坏输入二有限公司", "崇川区");
        declare(id, "{\"type\":\"ic_tape_out\",\"date\":\"2026-13-45\",\"fields\":{\"first_round_cost\":\"-100\",\"colour\":\"red\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("date")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("first_round_cost")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("product")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("colour")))
                .andExpect(jsonPath("$.errors[*].message").value(hasItem(containsString("“单款产品首轮流片费用”（first_round_cost）不能为负数"))))
                .andExpect(jsonPath("$.errors[*].message").value(hasItem(containsString("“产品（单款产品）”（product）必须填写"))));
        declare(id, "{\"type\":\"ic_tape_out\",\"date\":\"2026-06-01\",\"fields\":{\"product\":\"X\",\"first_round_cost\":\"12.345\"}}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value(containsString("最多2位小数")));
        assertThat(facts(id)).isZero();
    }

    @Test
    void malformedJsonAndBadParametersGetTheSameProblemShape() throws Exception {
        long id = enterprises.create("南通坏输入三有限公司", "崇川区");
        declare(id, "{\"type\": ").andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("不是有效的JSON")));
        mvc.perform(get("/api/enterprises").param("page", "abc").with(user(accounts.get("kjj"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("page"));
        mvc.perform(get("/api/enterprises/999999999").with(user(accounts.get("kjj"))))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/enterprises/" + id + "/matching").param("asOf", "明天").with(user(accounts.get("kjj"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("asOf"));
    }

    @Test
    void anAddressThatDoesNotExistOrAWrongMethodIsAnsweredInChinese() throws Exception {
        var kjj = user(accounts.get("kjj"));
        mvc.perform(get("/api/no-such-thing").with(kjj)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("没有这个地址")));
        mvc.perform(get("/no-such-page").with(kjj)).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("没有这个地址")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/enterprises").with(kjj).with(csrf()))
                .andExpect(status().isMethodNotAllowed()).andExpect(jsonPath("$.detail").value(containsString("不支持PUT请求")));
    }

    @Test
    void aPageGivenAMalformedParameterNamesItInChinese() throws Exception {
        long id = enterprises.create("南通坏输入六有限公司", "崇川区");
        mvc.perform(get("/enterprises/" + id + "/match").param("asOf", "2026-02-30").with(user(accounts.get("kjj"))))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("参数“asOf”的值“2026-02-30”格式不正确")));
        mvc.perform(post("/enterprises/" + id + "/what-if").with(user(accounts.get("kjj"))).with(csrf()).param("drop.x", "on").param("asOf", "昨天"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"what-if-errors\"")))
                .andExpect(content().string(containsString("参数“drop.x”中的事项编号不正确")));
        mvc.perform(get("/enterprises/abc").with(user(accounts.get("kjj"))))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("参数“id”")));
    }

    @Test
    void aWhatIfOnAFactTheEnterpriseDoesNotHaveIsRefused() throws Exception {
        long id = enterprises.create("南通坏输入四有限公司", "崇川区");
        mvc.perform(post("/api/enterprises/" + id + "/what-if").with(user(accounts.get("kjj"))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"drop\":[123456789]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("drop"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("没有编号为123456789的事项")));
    }

    @Test
    void aRefusedFormKeepsWhatWasTypedAndSaysWhichFieldIsWrong() throws Exception {
        long id = enterprises.create("南通坏输入五有限公司", "崇川区");
        var refused = mvc.perform(post("/enterprises/" + id + "/facts").with(user(accounts.get("kjj"))).with(csrf())
                        .param("type", "ic_tape_out").param("date", "2026-06-01")
                        .param("field.product", "NT-9").param("field.first_round_cost", "三百万"))
                .andExpect(status().is3xxRedirection()).andReturn();
        mvc.perform(get("/enterprises/" + id + "/match").with(user(accounts.get("kjj"))).flashAttrs(refused.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("“单款产品首轮流片费用”应为数字，填写的是“三百万”")))
                .andExpect(content().string(containsString("value=\"NT-9\"")));
        assertThat(facts(id)).isZero();
    }
}
