package innopoints.app.matching;

import innopoints.app.accounts.Role;
import innopoints.app.support.Accounts;
import innopoints.app.support.ServiceTest;
import innopoints.app.support.TestEnterprises;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A what-if that switches the draft on: the draft has no window of its own (its text gives none),
 * so a 2027 what-if counts it, and the answer states the date the draft is assumed to take effect.
 */
@ServiceTest
class DraftWhatIfTest {
    static final String AEC_2027 = "{\"type\":\"aec_q100_certification\",\"date\":\"2027-01-15\",\"fields\":{\"product\":\"AQ-27\",\"cert_fee\":\"500000\",\"first_certification\":\"是\",\"sales_revenue\":\"是\"}}";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired TestEnterprises enterprises;

    @Test
    void aWhatIfWithDraftsOnDated2027CountsTheDraftAndStatesTheAssumedDateOfEffect() throws Exception {
        long id = enterprises.create("南通测试未来芯片有限公司", "崇川区");
        var me = user(accounts.create("draft-2027", Role.ENTERPRISE, id, null));
        mvc.perform(post("/api/enterprises/" + id + "/what-if").with(me).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\":\"2027-03-01\",\"drafts\":true,\"add\":[" + AEC_2027 + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deltas[?(@.ref == 'future-draft:ic.4')].change").value(hasItem("新增")))
                .andExpect(jsonPath("$.after.draftEffective").value("2027-03-01"))
                .andExpect(jsonPath("$.after.awards[?(@.ref == 'future-draft:ic.4')].items[0].steps[0].text")
                        .value(hasItem("本条款出自征求意见稿，尚未施行；按假定生效日期2027-03-01计算")));
    }

    @Test
    void aGivenDateOfEffectIsUsedAndADateAfterTheAsOfDateLeavesTheDraftOut() throws Exception {
        long id = enterprises.create("南通测试假定生效有限公司", "崇川区");
        var me = user(accounts.create("draft-effective", Role.ENTERPRISE, id, null));
        mvc.perform(post("/api/enterprises/" + id + "/what-if").with(me).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\":\"2027-03-01\",\"drafts\":true,\"draftEffective\":\"2027-01-01\",\"add\":[" + AEC_2027 + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.after.draftEffective").value("2027-01-01"))
                .andExpect(jsonPath("$.after.awards[?(@.ref == 'future-draft:ic.4')].items[0].steps[0].text")
                        .value(hasItem("本条款出自征求意见稿，尚未施行；按假定生效日期2027-01-01计算")));
        mvc.perform(post("/api/enterprises/" + id + "/what-if").with(me).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\":\"2027-03-01\",\"drafts\":true,\"draftEffective\":\"2027-06-01\",\"add\":[" + AEC_2027 + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deltas").isEmpty())
                .andExpect(jsonPath("$.after.draftEffective").value("2027-06-01"));
    }

    @Test
    void aDateOfEffectWithoutDraftsIsRefusedNamingTheField() throws Exception {
        long id = enterprises.create("南通测试未开草案有限公司", "崇川区");
        var me = user(accounts.create("draft-off", Role.ENTERPRISE, id, null));
        mvc.perform(post("/api/enterprises/" + id + "/what-if").with(me).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\":\"2027-03-01\",\"draftEffective\":\"2027-01-01\",\"add\":[" + AEC_2027 + "]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("draftEffective"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("假定草案生效日期")));
    }

    @Test
    void theWhatIfPageKeepsAndStatesTheAssumedDateOfEffect() throws Exception {
        long id = enterprises.create("南通测试假设页面草案有限公司", "崇川区");
        var officer = user(accounts.get("gxj"));
        mvc.perform(post("/enterprises/" + id + "/what-if").with(officer).with(csrf())
                        .param("drafts", "on").param("draftEffective", "2027-01-01").param("asOf", "2027-03-01")
                        .param("type", "aec_q100_certification").param("date", "2027-01-15")
                        .param("field.product", "AQ-8").param("field.cert_fee", "200000")
                        .param("field.first_certification", "是").param("field.sales_revenue", "是"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("假定草案生效日期"), containsString("value=\"2027-01-01\""),
                        containsString("id=\"what-if-draft-effective\""), containsString("2027-01-01</span> 生效"))));
    }
}
