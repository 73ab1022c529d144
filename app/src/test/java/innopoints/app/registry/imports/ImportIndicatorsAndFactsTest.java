package innopoints.app.registry.imports;

import innopoints.app.registry.EnterpriseRepository;
import innopoints.app.registry.FactRecord;
import innopoints.app.registry.Indicator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 年度指标 and 事项 files, for enterprises the registry already holds. */
class ImportIndicatorsAndFactsTest extends ImportTestSupport {
    @Autowired EnterpriseRepository registry;
    long first;

    @BeforeEach
    void twoEnterprises() throws Exception {
        upload("enterprises", "企业名录.csv", utf8("统一社会信用代码,企业名称,所属板块",
                code(101) + ",南通指标一有限公司,崇川区", code(102) + ",南通指标二有限公司,通州区")).andExpect(status().isCreated());
        first = registry.findByCreditCode(code(101)).orElseThrow().id();
    }

    @Test
    void indicatorsAreUpsertedByEnterpriseAndYearAndASecondImportChangesNothing() throws Exception {
        byte[] file = utf8("统一社会信用代码,企业名称,年度,营业收入（元）,研发费用（元）,研发人员数,从业人员数,技术合同成交额(元)",
                code(101) + ",南通指标一有限公司,2024,\"12,000,000.00\",960000,18,120,",
                code(101) + ",南通指标一有限公司,2025年,15000000,1200000.5,20,130,300000",
                code(102) + ",南通指标二有限公司,2025,8000000,,,45,");
        upload("indicators", "年度指标.csv", file).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("applied")).andExpect(jsonPath("$.inserted").value(3));
        List<Indicator> years = registry.indicators(first);
        assertThat(years).extracting(Indicator::year).containsExactly(2025, 2024);
        assertThat(years.get(1).revenue()).isEqualByComparingTo("12000000");
        assertThat(years.get(0).rdExpense()).isEqualByComparingTo("1200000.50");
        assertThat(years.get(0).techContractAmount()).isEqualByComparingTo("300000");
        List<OffsetDateTime> before = indicatorsUpdatedAt();

        upload("indicators", "年度指标.csv", file).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("unchanged")).andExpect(jsonPath("$.unchanged").value(3));
        assertThat(indicatorsUpdatedAt()).isEqualTo(before);

        upload("indicators", "专利.csv", utf8("统一社会信用代码,年度,有效专利数,发明专利数", code(101) + ",2025,12,3"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.updated").value(1));
        Indicator y2025 = registry.indicators(first).getFirst();
        assertThat(y2025.patents()).isEqualTo(12);
        assertThat(y2025.revenue()).as("a column the file lacks keeps its value").isEqualByComparingTo("15000000");
        assertThat(y2025.version()).as("an import that changes a year raises its version; one that changes nothing does not").isEqualTo(2);
        assertThat(registry.indicators(first).get(1).version()).isEqualTo(1);
    }

    @Test
    void badIndicatorRowsRejectTheWholeFile() throws Exception {
        byte[] file = utf8("统一社会信用代码,年度,营业收入（元）,研发费用（元）,研发人员数,从业人员数",
                code(101) + ",2024,1000000,50000,5,40",
                code(109) + ",2024,1000000,,,",
                code(101) + ",1900,1000000,,,",
                code(102) + ",2024,-5,1.234,30,20",
                code(101) + ",2024,2000000,,,",
                code(102) + ",2023,,,,");
        upload("indicators", "有误的指标.csv", file).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("第3行“统一社会信用代码”：企业名录中没有"))))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("第4行“年度”：年度应为1949至2100之间"))))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("第5行“营业收入（元）”：金额（元）不能为负数"))))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("第5行“研发费用（元）”：金额（元）最多2位小数"))))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("第5行“研发人员数”：研发人员数（30）不能多于从业人员数（20）"))))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("第6行“年度”：与第2行重复"))))
                .andExpect(jsonPath("$.errors[*].message", hasItem("第7行：没有填写任何指标")));
        assertThat(registry.indicators(first)).isEmpty();
    }

    @Test
    void factsAreRecordedOnceAndImportingThemAgainAddsNothing() throws Exception {
        byte[] file = utf8("统一社会信用代码,事项类型,日期,产品（单款产品）,first_round_cost,mode,cost",
                code(101) + ",ic_tape_out,2026-02-10,X1芯片,5000000,,",
                code(101) + ",租用或购买EDA设计工具软件,2026/3/1,,,租用,120000",
                code(102) + ",集成电路设计企业开展的流片验证,2026年1月5日,Y2芯片,\"3,000,000\",,");
        upload("facts", "事项.csv", file).andExpect(status().isCreated())
                .andExpect(jsonPath("$.inserted").value(3));
        List<FactRecord> facts = registry.facts(first);
        assertThat(facts).extracting(FactRecord::type).containsExactly("ic_tape_out", "eda_tool");
        FactRecord tapeOut = facts.getFirst();
        assertThat(tapeOut.occurredOn()).isEqualTo(LocalDate.of(2026, 2, 10));
        assertThat(tapeOut.fields()).containsEntry("product", "X1芯片").containsEntry("first_round_cost", "5000000");
        assertThat(tapeOut.source()).startsWith("import:");
        assertThat(tapeOut.createdBy()).isEqualTo("kjj");
        long importId = Long.parseLong(tapeOut.source().substring("import:".length()));
        assertThat(jdbc.sql("select import_id from enterprise_fact where id = ?").param(tapeOut.id()).query(Long.class).single()).isEqualTo(importId);

        upload("facts", "事项.csv", file).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("unchanged")).andExpect(jsonPath("$.unchanged").value(3));
        assertThat(registry.facts(first)).hasSize(2);
    }

    @Test
    void aFactsProjectIsReadFromItsColumnAndATooLongOneIsRefusedNamingTheColumn() throws Exception {
        upload("facts", "展会.csv", utf8("统一社会信用代码,事项类型,日期,展会,实际展位费,项目标识",
                code(102) + ",overseas_exhibition,2026-04-10,2026广交会,30000,2026广交会",
                code(102) + ",overseas_exhibition,2026-04-11,2026广交会（二）,20000,"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.inserted").value(2));
        long second = registry.findByCreditCode(code(102)).orElseThrow().id();
        assertThat(registry.facts(second)).extracting(FactRecord::project).containsExactly("2026广交会", null);
        upload("facts", "展会.csv", utf8("统一社会信用代码,事项类型,日期,展会,实际展位费,项目标识",
                code(102) + ",overseas_exhibition,2026-04-12,展会三,1000," + "项".repeat(201)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].column").value("项目标识"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("过长")));
        assertThat(registry.facts(second)).hasSize(2);
    }

    @Test
    void badFactRowsAreReportedInTheWordsOfTheVocabulary() throws Exception {
        byte[] file = utf8("统一社会信用代码,事项类型,日期,product,first_round_cost,mode,cost",
                code(101) + ",流片,2026-02-10,X1,5000000,,",
                code(101) + ",ic_tape_out,2026-02-30,,5000000,,",
                code(101) + ",ic_tape_out,2026-02-10,X1,5000000,租用,",
                code(101) + ",eda_tool,2026-02-10,,,借用,100");
        upload("facts", "有误的事项.csv", file).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("第2行“事项类型”：不认识的事项类型“流片”"))))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("第3行“日期”：不是有效的日期"))))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("第3行“产品（单款产品）”：“产品（单款产品）”（product）必须填写"))))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("第4行“mode”：“集成电路设计企业开展的流片验证”（ic_tape_out）没有这一项"))))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("第5行“mode”：“租用或购买”（mode）：未知的取值“借用”，是否指“租用”？可选：租用、购买"))));
        assertThat(registry.facts(first)).isEmpty();
    }

    @Test
    void aColumnNoFactTypeHasIsRefused() throws Exception {
        upload("facts", "事项.csv", utf8("统一社会信用代码,事项类型,日期,备注", code(101) + ",ic_tape_out,2026-02-10,无"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("“备注”")));
    }

    private List<OffsetDateTime> indicatorsUpdatedAt() {
        return jdbc.sql("select i.updated_at from enterprise_indicator i join enterprise e on e.id = i.enterprise_id"
                + " where e.credit_code like '91320602XQ%' order by e.credit_code, i.year").query(OffsetDateTime.class).list();
    }

    @Test
    void importedFactsReachThePushAtOnce() throws Exception {
        upload("enterprises", "企业名录.csv", utf8("统一社会信用代码,企业名称,所属板块,产业链", code(101) + ",南通指标一有限公司,崇川区,集成电路设计"))
                .andExpect(status().isCreated());
        var admin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(account("admin"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/enterprises/" + first + "/entitlements").with(admin))
                .andExpect(jsonPath("$[?(@.clause == 'city-2025:4.1')]").isEmpty());
        upload("facts", "事项.csv", utf8("统一社会信用代码,事项类型,日期,产品（单款产品）,first_round_cost",
                code(101) + ",ic_tape_out," + LocalDate.now().minusDays(3) + ",X9芯片,1000000")).andExpect(status().isCreated());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/enterprises/" + first + "/matching").with(admin))
                .andExpect(jsonPath("$.awards[?(@.ref == 'city-2025:4.1')].figure").value(hasItem(300000.0)));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/enterprises/" + first + "/entitlements").with(admin))
                .andExpect(jsonPath("$[?(@.clause == 'city-2025:4.1')].figure").value(hasItem(300000.0)))
                .andExpect(jsonPath("$[0].screenRun").doesNotExist());
    }
}
