package innopoints.app.registry;

import innopoints.app.support.Accounts;
import innopoints.app.support.ServiceTest;
import innopoints.app.support.TestEnterprises;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A number written as a huge power of ten is refused at once, naming the field, by the form, the
 * API, the import and the what-if, and nothing is stored. Each case is timed only as a sanity bound.
 */
@ServiceTest
class HugeExponentTest {
    private static final long SECOND = 1_000_000_000L;

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired TestEnterprises enterprises;
    @Autowired JdbcClient jdbc;

    long facts(long id) {
        return jdbc.sql("select count(*) from enterprise_fact where enterprise_id = ?").param(id).query(Long.class).single();
    }

    @Test
    void theFactApiRefusesAHugePowerOfTenAtOnce() throws Exception {
        long id = enterprises.create("南通巨指数一有限公司", "崇川区");
        for (String huge : new String[]{"\"三百万\"", "1e1000000", "\"1e1000000\"", "\"1e-1000000\"", "1e-1000000", "-1e1000000"}) {
            long start = System.nanoTime();
            mvc.perform(post("/api/enterprises/" + id + "/facts").with(user(accounts.get("kjj"))).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"type\":\"ic_tape_out\",\"date\":\"2026-06-01\",\"fields\":{\"product\":\"X\",\"first_round_cost\":" + huge + "}}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("first_round_cost"))
                    .andExpect(jsonPath("$.errors[0].message").value(containsString("“单款产品首轮流片费用”（first_round_cost）")));
            // The first, ordinary refusal warms the path up; the huge ones must be as quick.
            if (!huge.contains("三百万")) assertThat(System.nanoTime() - start).as(huge).isLessThan(SECOND);
        }
        assertThat(facts(id)).isZero();
    }

    @Test
    void theFactFormRefusesAHugePowerOfTenAtOnce() throws Exception {
        long id = enterprises.create("南通巨指数二有限公司", "崇川区");
        long baseline = formTime(id, "三百万", "应为数字");
        long tiny = formTime(id, "1e-1000000", "最多2位小数");
        long huge = formTime(id, "1e1000000", "超出范围");
        assertThat(Math.max(tiny, huge)).as("no slower than refusing ordinary bad text (%d ns)", baseline).isLessThan(baseline + SECOND);
        assertThat(facts(id)).isZero();
    }

    private long formTime(long id, String value, String reason) throws Exception {
        long start = System.nanoTime();
        mvc.perform(post("/enterprises/" + id + "/facts").with(user(accounts.get("kjj"))).with(csrf())
                        .param("type", "ic_tape_out").param("date", "2026-06-01")
                        .param("field.product", "NT-9").param("field.first_round_cost", value))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("formMessages",
                        org.hamcrest.Matchers.hasItem(containsString("“单款产品首轮流片费用”" + reason))));
        long t = System.nanoTime() - start;
        return t;
    }

    @Test
    void theWhatIfRefusesAHugePowerOfTenAtOnce() throws Exception {
        long id = enterprises.create("南通巨指数三有限公司", "崇川区");
        long start = System.nanoTime();
        mvc.perform(post("/api/enterprises/" + id + "/what-if").with(user(accounts.get("kjj"))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"add\":[{\"type\":\"ic_tape_out\",\"date\":\"2026-06-01\",\"fields\":{\"product\":\"X\",\"first_round_cost\":\"1e1000000\"}}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("add[0].first_round_cost"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("超出范围")));
        assertThat(System.nanoTime() - start).isLessThan(SECOND);
    }

    @Test
    void aHugeValueStoredBeforeTheBoundsIsReadAsNotGivenNotExpanded() throws Exception {
        long plain = enterprises.create("南通巨指数五有限公司", "崇川区");
        long stored = enterprises.create("南通巨指数六有限公司", "崇川区");
        String insert = "insert into enterprise_fact (enterprise_id, type, occurred_on, fields, digest, source) values (?, 'ic_tape_out', date '2026-02-01', ?::jsonb, ?, 'declared')";
        jdbc.sql(insert).params(plain, "{\"product\": \"X\", \"first_round_cost\": \"5000000\"}", "plain").update();
        // What toPlainString() of 1e1000000 wrote before the bounds: a million digits.
        jdbc.sql(insert).params(stored, "{\"product\": \"X\", \"first_round_cost\": \"1" + "0".repeat(1_000_000) + "\"}", "huge").update();
        var kjj = user(accounts.get("kjj"));
        long start = System.nanoTime();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/enterprises/" + plain + "/matching").with(kjj)).andExpect(status().isOk());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/enterprises/" + plain).with(kjj)).andExpect(status().isOk());
        long baseline = System.nanoTime() - start;
        start = System.nanoTime();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/enterprises/" + stored + "/matching").with(kjj)).andExpect(status().isOk());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/enterprises/" + stored).with(kjj)).andExpect(status().isOk());
        assertThat(System.nanoTime() - start).as("no slower than an ordinary enterprise (%d ns)", baseline).isLessThan(baseline + SECOND);
    }

    @Test
    void anImportRefusesAHugePowerOfTenAtOnce() throws Exception {
        String code = TestEnterprises.creditCode(9_100_001);
        jdbc.sql("insert into enterprise (credit_code, name, kind, district) values (?, '南通巨指数四有限公司', 'enterprise', '崇川区') on conflict do nothing")
                .param(code).update();
        long id = jdbc.sql("select id from enterprise where credit_code = ?").param(code).query(Long.class).single();
        try {
            long baseline = importTime("facts", "事项.csv", "统一社会信用代码,事项类型,日期,product,first_round_cost\r\n" + code + ",ic_tape_out,2026-06-01,X,三百万\r\n",
                    "第2行“first_round_cost”：“单款产品首轮流片费用”（first_round_cost）应为数字");
            long huge = importTime("facts", "巨指数.csv", "统一社会信用代码,事项类型,日期,product,first_round_cost\r\n" + code + ",ic_tape_out,2026-06-01,X,1e1000000\r\n"
                            + code + ",ic_tape_out,2026-06-02,Y,1e-1000000\r\n",
                    "第2行“first_round_cost”：“单款产品首轮流片费用”（first_round_cost）超出范围",
                    "第3行“first_round_cost”：“单款产品首轮流片费用”（first_round_cost）最多2位小数");
            long indicators = importTime("indicators", "巨指数指标.csv", "统一社会信用代码,年度,营业收入（元）,研发人员数\r\n" + code + ",2025,1e1000000,1e1000000\r\n",
                    "第2行“营业收入（元）”：金额（元）超出范围", "第2行“研发人员数”：数量（整数）超出范围");
            assertThat(Math.max(huge, indicators)).as("no slower than refusing ordinary bad text (%d ns)", baseline).isLessThan(baseline + SECOND);
            assertThat(facts(id)).isZero();
        } finally {
            jdbc.sql("delete from enterprise where id = ?").param(id).update();
        }
    }

    private long importTime(String kind, String name, String csv, String... reasons) throws Exception {
        long start = System.nanoTime();
        var result = mvc.perform(multipart("/api/imports").file(new MockMultipartFile("file", name, "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("kind", kind).with(user(accounts.get("kjj"))).with(csrf()))
                .andExpect(status().isUnprocessableContent());
        for (String reason : reasons) result.andExpect(jsonPath("$.errors[*].message", hasItem(containsString(reason))));
        return System.nanoTime() - start;
    }
}
