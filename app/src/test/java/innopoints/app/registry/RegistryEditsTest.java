package innopoints.app.registry;

import innopoints.app.screening.ScreeningRepository;
import innopoints.app.support.Accounts;
import innopoints.app.support.ServiceTest;
import innopoints.app.support.TestEnterprises;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An enterprise's profile and indicators edited by hand: versions, 409 on an old one, and a re-screen. */
@ServiceTest
class RegistryEditsTest {
    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired TestEnterprises enterprises;
    @Autowired JdbcClient jdbc;
    @Autowired ScreeningRepository runs;

    private static String profile(long version, String name) {
        return "{\"version\":" + version + ",\"name\":\"" + name + "\",\"district\":\"崇川区\",\"industries\":[\"集成电路设计\"],\"size\":\"small\"}";
    }

    @Test
    void aProfileEditBasedOnAnOldVersionIsRefusedWith409AndTheEnterpriseIsReScreened() throws Exception {
        long id = enterprises.create("南通基本信息版本测试有限公司", "崇川区");
        var officer = user(accounts.get("kjj"));
        mvc.perform(put("/api/enterprises/" + id).with(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(profile(1, "南通基本信息版本测试科技有限公司")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2)).andExpect(jsonPath("$.industries[0]").value("集成电路设计"));
        assertThat(runs.rescreen(id)).as("the edit re-screened the enterprise").isPresent();
        mvc.perform(put("/api/enterprises/" + id).with(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(profile(1, "南通被覆盖的名称有限公司")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("已被他人修改")));
        assertThat(jdbc.sql("select name from enterprise where id = ?").param(id).query(String.class).single()).isEqualTo("南通基本信息版本测试科技有限公司");

        mvc.perform(post("/enterprises/" + id + "/profile").with(officer).with(csrf()).param("version", "1").param("name", "南通页面填写的新名称有限公司")
                        .param("district", "崇川区").param("kind", "enterprise"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("已被他人修改")))
                .andExpect(content().string(containsString("value=\"南通页面填写的新名称有限公司\"")));
        mvc.perform(post("/enterprises/" + id + "/profile").with(officer).with(csrf()).param("version", "2").param("name", "南通页面填写的新名称有限公司")
                        .param("district", "崇川区").param("kind", "enterprise").param("industries", "集成电路设计、集成电路"))
                .andExpect(redirectedUrl("/enterprises/" + id + "?saved=profile"));
        mvc.perform(get("/enterprises/" + id).param("saved", "profile").with(officer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("基本信息已保存")));
        mvc.perform(get("/enterprises/" + id + "/edit").with(officer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"version\" value=\"3\"")));
        mvc.perform(put("/api/enterprises/" + id).with(user(accounts.get("lingdao"))).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(profile(3, "领导不能改"))).andExpect(status().isForbidden());
    }

    @Test
    void anIndicatorYearIsCreatedOnceAndAnEditBasedOnAnOldVersionIsRefused() throws Exception {
        long id = enterprises.create("南通年度指标版本测试有限公司", "崇川区");
        var officer = user(accounts.get("kjj"));
        String first = "{\"revenue\":\"50000000\",\"rdExpense\":\"3000000.50\",\"staff\":\"120\",\"rdStaff\":\"30\"}";
        mvc.perform(put("/api/enterprises/" + id + "/indicators/2025").with(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(first))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1)).andExpect(jsonPath("$.rdExpense").value(3000000.50));
        mvc.perform(put("/api/enterprises/" + id + "/indicators/2025").with(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(first))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/enterprises/" + id + "/indicators/2025").with(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1,\"revenue\":\"60000000\",\"staff\":\"120\",\"rdStaff\":\"30\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
        mvc.perform(put("/api/enterprises/" + id + "/indicators/2025").with(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1,\"revenue\":\"70000000\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("已被他人修改")));
        mvc.perform(put("/api/enterprises/" + id + "/indicators/2025").with(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":2,\"revenue\":\"1e1000000\",\"staff\":\"10\",\"rdStaff\":\"30\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("revenue", "rdStaff")));
        assertThat(jdbc.sql("select count(*) from enterprise_indicator where enterprise_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select revenue from enterprise_indicator where enterprise_id = ?").param(id).query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo("60000000");

        mvc.perform(post("/enterprises/" + id + "/indicators").with(officer).with(csrf()).param("year", "2025").param("version", "1")
                        .param("revenue", "88888888"))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("value=\"88888888\"")));
    }

    @Test
    void aHandEditRefusesAnUnknownDistrictOrIndustryAsImportsDoNamingTheNearest() throws Exception {
        long id = enterprises.create("南通手工编辑取值测试有限公司", "崇川区");
        mvc.perform(put("/api/enterprises/" + id).with(user(accounts.get("kjj"))).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1,\"name\":\"南通手工编辑取值测试有限公司\",\"district\":\"通州\",\"industries\":[\"集成电\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'district')].message").value(org.hamcrest.Matchers.hasItem(containsString("通州区"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'industries')].message").value(org.hamcrest.Matchers.hasItem(containsString("集成电路"))));
        assertThat(jdbc.sql("select district from enterprise where id = ?").param(id).query(String.class).single()).isEqualTo("崇川区");
    }
}
