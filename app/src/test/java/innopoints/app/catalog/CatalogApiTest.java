package innopoints.app.catalog;

import innopoints.app.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ServiceTest
class CatalogApiTest {
    @Autowired MockMvc mvc;

    @Test
    void searchingForTapeOutReturnsTheTapeOutClauseFirst() throws Exception {
        mvc.perform(get("/api/policies").param("q", "流片"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(20))
                .andExpect(jsonPath("$.items[0].ref").value("city-2025:4.1"))
                .andExpect(jsonPath("$.items[0].document").value("city-2025"))
                .andExpect(jsonPath("$.items[0].documentTitle").value("关于加快推动科技创新和产业创新融合发展的若干政策措施"))
                .andExpect(jsonPath("$.items[0].citation").value("第4条"))
                .andExpect(jsonPath("$.items[0].title").value("集成电路流片验证补助"))
                .andExpect(jsonPath("$.items[0].rule").value(containsString("30%")))
                .andExpect(jsonPath("$.items[0].departments[0]").value("市工信局"))
                .andExpect(jsonPath("$.items[0].beneficiaries[0].key").value("enterprise"))
                .andExpect(jsonPath("$.items[0].industries[0]").value("集成电路"))
                .andExpect(jsonPath("$.items[0].status.key").value("in-force"))
                .andExpect(jsonPath("$.items[0].snippet").value(containsString("<mark>流片</mark>")))
                .andExpect(jsonPath("$.items[1].status.label").value("征求意见稿"));
    }

    @Test
    void filtersAndPagesNarrowTheList() throws Exception {
        mvc.perform(get("/api/policies").param("department", "区科技局").param("size", "5").param("page", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(2))
                .andExpect(jsonPath("$.size").value(5))
                .andExpect(jsonPath("$.items", hasSize(5)))
                .andExpect(jsonPath("$.items[*].departments", everyItem(hasItem("区科技局"))))
                .andExpect(jsonPath("$.items[*].ref", everyItem(startsWith("tongzhou-2026:"))));
        mvc.perform(get("/api/policies").param("status", "draft").param("size", "200"))
                .andExpect(jsonPath("$.items[*].status.key", everyItem(org.hamcrest.Matchers.is("draft"))));
    }

    @Test
    void theClauseCarriesItsWordsRuleCasesAndHistory() throws Exception {
        mvc.perform(get("/api/policies/city-2025/4.1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ref").value("city-2025:4.1"))
                .andExpect(jsonPath("$.text").value(startsWith("对集成电路设计企业开展的流片验证")))
                .andExpect(jsonPath("$.rule").value(containsString("最高200万元")))
                .andExpect(jsonPath("$.cases[0].name").value("4.1 首轮流片费用500万元×30%=150万元；市级60万元，区级90万元"))
                .andExpect(jsonPath("$.cases[0].result").value(startsWith("150万元")))
                .andExpect(jsonPath("$.history[0].change").value("added"))
                .andExpect(jsonPath("$.history[0].label").value("收录"));
    }

    @Test
    void anUnknownClauseIsA404Problem() throws Exception {
        mvc.perform(get("/api/policies/city-2025/99.9"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("未找到"))
                .andExpect(jsonPath("$.detail").value("没有条款 city-2025:99.9"));
    }

    @Test
    void anUnknownDocumentFilterIsA400NamingTheField() throws Exception {
        mvc.perform(get("/api/policies").param("document", "nope"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("没有文件“nope”"))
                .andExpect(jsonPath("$.errors[0].field").value("document"))
                .andExpect(jsonPath("$.errors[0].message").value("没有文件“nope”"));
    }

    @Test
    void wrongPagingParametersAreRefusedNamingEachField() throws Exception {
        mvc.perform(get("/api/policies").param("page", "abc").param("size", "-3").param("dir", "up"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("page", "size", "dir")))
                .andExpect(jsonPath("$.errors[0].message").value("页码“abc”应为正整数"));
    }

    @Test
    void aQueryWithLuceneSyntaxIsJustText() throws Exception {
        mvc.perform(get("/api/policies").param("q", "\"(\" AND ["))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void facetsListTheFilterValues() throws Exception {
        mvc.perform(get("/api/policies/facets"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.documents", hasSize(3)))
                .andExpect(jsonPath("$.departments", hasItem("区科技局")))
                .andExpect(jsonPath("$.statuses[*].key", hasItem("draft")));
    }

    @Test
    void theApiIsDescribedInChinese() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("检索政策条款")))
                .andExpect(content().string(containsString("查看政策条款")));
    }
}
