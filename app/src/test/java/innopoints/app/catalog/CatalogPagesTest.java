package innopoints.app.catalog;

import innopoints.app.platform.Policies;
import innopoints.app.platform.Xlsx;
import innopoints.app.support.ServiceTest;
import innopoints.engine.policy.Clause;
import innopoints.engine.policy.Plain;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ServiceTest
class CatalogPagesTest {
    private static final Pattern CLAUSE_LINK = Pattern.compile("class=\"clause-link\" href=\"([^\"]+)\"");

    @Autowired MockMvc mvc;
    @Autowired Policies policies;

    @Test
    void searchingForTapeOutListsTheTapeOutClauseFirstWithTheMatchMarked() throws Exception {
        String html = page("/policies?q=流片", 200);

        assertThat(html).contains("id=\"policy-results\"").contains("id=\"q\"").contains("value=\"流片\"");
        assertThat(clauseLinks(html)).containsExactly("/policies/city-2025/4.1", "/policies/future-draft/ic.1");
        assertThat(html).contains("<mark>流片</mark>").contains("市工信局").contains("征求意见稿");
    }

    @Test
    void theListIsPublicPagedAndOffersEveryFilter() throws Exception {
        String html = page("/policies", 200);

        assertThat(clauseLinks(html)).hasSize(20).first().isEqualTo("/policies/city-2025/1.1");
        int total = (int) java.util.stream.StreamSupport.stream(policies.pack().clauses().spliterator(), false).count();
        assertThat(html).contains("共 " + total + " 条，第 1 / 10 页")
                .contains("id=\"document\"", "id=\"industry\"", "id=\"beneficiary\"", "id=\"department\"", "id=\"status\"")
                .contains("<option value=\"区科技局\">区科技局</option>")
                .contains("href=\"/login\"");
    }

    @Test
    void aDepartmentFilterNarrowsTheListAndStaysSelected() throws Exception {
        long expected = clauses().stream().filter(c -> c.departments().contains("区科技局")).count();

        String html = page("/policies?department=区科技局&size=200", 200);

        assertThat(clauseLinks(html)).hasSize((int) expected).allSatisfy(link -> assertThat(link).startsWith("/policies/tongzhou-2026/"));
        assertThat(html).contains("<option value=\"区科技局\" selected=\"selected\">区科技局</option>");
    }

    @Test
    void theExportLinkCarriesTheFiltersAndDropsThePage() throws Exception {
        String html = page("/policies?q=流片&status=in-force&page=1", 200);

        assertThat(html).contains("href=\"/policies?q=%E6%B5%81%E7%89%87&amp;status=in-force&amp;format=xlsx\"");
    }

    @Test
    void sortableHeadersLinkToTheSort() throws Exception {
        String html = page("/policies?sort=title&dir=desc", 200);

        assertThat(html).contains("href=\"/policies?sort=title&amp;dir=asc\"").contains("条款 ▼");
    }

    @Test
    void exportDownloadsTheWholeFilteredListAsAWorkbook() throws Exception {
        long expected = clauses().stream().filter(c -> c.departments().contains("区科技局")).count();

        MvcResult started = mvc.perform(get("/policies").param("department", "区科技局").param("size", "5").param("format", "xlsx"))
                .andExpect(request().asyncStarted()).andReturn();
        byte[] body = mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(content().contentType(Xlsx.TYPE))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
                .andReturn().getResponse().getContentAsByteArray();

        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(body))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows.getFirst().getCellText(0)).isEqualTo("文件");
            assertThat(rows).hasSize((int) expected + 1);
            assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r.getCellText(5)).contains("区科技局"));
        }
    }

    @Test
    void theClausePageShowsTheExactWordsThePlainRuleTheCasesAndTheHistory() throws Exception {
        Clause c = policies.clause("city-2025:4.1");

        String html = page("/policies/city-2025/4.1", 200);

        assertThat(html).contains("<blockquote class=\"quote\" id=\"clause-text\">" + HtmlUtils.htmlEscape(c.text()) + "</blockquote>");
        assertThat(html).contains("<p id=\"clause-rule\">" + HtmlUtils.htmlEscape(Plain.rule(c, policies.documentOf(c).unit())) + "</p>");
        assertThat(html).contains("关于加快推动科技创新和产业创新融合发展的若干政策措施", "第4条", "集成电路流片验证补助", "有效", "市工信局", "企业", "集成电路");
        assertThat(html).contains("4.1 首轮流片费用500万元×30%=150万元；市级60万元，区级90万元")
                .contains("单款产品首轮流片费用为500万元")
                .contains("150万元 · 上限（部门在此内核定） · 市级财政60万元，区级财政90万元");
        assertThat(html).contains("id=\"clause-history\"").contains("收录");
    }

    @Test
    void clauseIdsInChineseOpen() throws Exception {
        mvc.perform(get("/policies/{d}/{c}", "city-2025", "附则.1")).andExpect(status().isOk());
    }

    @Test
    void anUnknownClauseIsA404Page() throws Exception {
        String html = page("/policies/city-2025/99.9", 404);

        assertThat(html).contains("未找到").contains("没有条款 city-2025:99.9");
    }

    @Test
    void anUnknownFilterValueIsA400PageNamingIt() throws Exception {
        assertThat(page("/policies?document=nope", 400)).contains("没有文件“nope”");
        assertThat(page("/policies?page=abc", 400)).contains("页码“abc”应为正整数");
    }

    @Test
    void aQueryWithLuceneSyntaxIsJustText() throws Exception {
        String html = page("/policies?q=\"(\" AND [", 200);

        assertThat(html).contains("没有符合条件的条款").contains("value=\"&quot;(&quot; AND [\"");
    }

    private String page(String url, int status) throws Exception {
        return mvc.perform(get(url)).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }

    private static List<String> clauseLinks(String html) {
        Matcher m = CLAUSE_LINK.matcher(html);
        return m.results().map(r -> r.group(1)).toList();
    }

    private List<Clause> clauses() {
        return StreamSupport.stream(policies.pack().clauses().spliterator(), false).toList();
    }
}
