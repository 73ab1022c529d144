package innopoints.app.platform;

import innopoints.app.accounts.Role;
import innopoints.app.support.Accounts;
import innopoints.app.support.ServiceTest;
import innopoints.app.support.TestEnterprises;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every failure in the one problem shape (API) or the Chinese error page, never naming a Java
 * class or option: the faults the fuzzer and the trial found, each as it was sent.
 */
@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
class ErrorShapeTest {
    /** A Java class or method, a parser's option, or a stack frame. */
    private static final String JAVA = "(?s).*(java\\.|jackson|innopoints\\.(app|engine)|springframework|Exception|FAIL_ON|DeserializationFeature|\\bat [a-z]+\\.).*";

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired TestEnterprises enterprises;
    @Autowired JdbcClient jdbc;

    HttpResponse<String> call(String method, String pathAndQuery, String user, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (user != null) b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + ServiceTest.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (contentType != null) b.header("Content-Type", contentType);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathAndQuery, String user) throws Exception { return call("GET", pathAndQuery, user, null, null); }

    @Test
    void theLastPossiblePageIsAnEmptyPageNotAServerError() throws Exception {
        HttpResponse<String> r = get("/api/enterprises?page=2147483647&size=200", "kjj");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"items\":[]");
        assertThat(get("/enterprises?page=2147483647", "kjj").statusCode()).isEqualTo(200);
        assertThat(get("/api/imports?page=2147483647", "kjj").statusCode()).isEqualTo(200);
    }

    @Test
    void aNulByteInAQueryIsRefusedNamingTheParameter() throws Exception {
        HttpResponse<String> api = get("/api/enterprises?q=%00abc", "kjj");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(api.body()).contains("参数“q”的值含有不允许的控制字符").doesNotMatch(JAVA);
        HttpResponse<String> page = get("/enterprises?q=%00", "kjj");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("参数“q”的值含有不允许的控制字符").doesNotMatch(JAVA);
        assertThat(get("/api/policies?q=%00", null).statusCode()).isEqualTo(400);
    }

    @Test
    void aParameterWithoutANameIsA400WithoutAStackTraceInTheLog(CapturedOutput log) throws Exception {
        int before = log.getAll().length();
        HttpResponse<String> anonymous = get("/api/policies?=x", null);
        assertThat(anonymous.statusCode()).isEqualTo(400);
        assertThat(anonymous.body()).contains("没有名称的参数").doesNotMatch(JAVA);
        assertThat(get("/policies?=x", null).statusCode()).isEqualTo(400);
        assertThat(get("/api/enterprises?=x", "kjj").statusCode()).isEqualTo(400);
        String written = log.getAll().substring(before);
        assertThat(written).doesNotContain("ERROR").doesNotContain("\tat ");
        assertThat(written.lines().count()).as("at most a one-line warning per request").isLessThanOrEqualTo(3);
    }

    @Test
    void jsonErrorsNameTheFieldNotAJavaClass() throws Exception {
        long id = enterprises.create("南通错误形状一有限公司", "崇川区");
        var kjj = user(accounts.get("kjj"));
        for (String body : new String[]{"{\"type\": ", "{\"type\": [1], \"fields\": 5}", "{\"fields\": {\"a\": {\"b\": 1}}, \"date\": {}}", "[1,2]", "nonsense"}) {
            MvcResult r = mvc.perform(post("/api/enterprises/" + id + "/facts").with(kjj).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).andReturn();
            assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).as(body).doesNotMatch(JAVA);
        }
        mvc.perform(post("/api/enterprises/" + id + "/facts").with(kjj).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"ic_tape_out\", \"date\": \"2026-06-01\", \"fields\": [1]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("fields"))
                .andExpect(jsonPath("$.detail").value(containsString("字段“fields”缺失或类型不符")));
    }

    @Test
    void aWhatIfWithAnEmptyChangeNamesTheMissingFieldInChinese() throws Exception {
        long id = enterprises.create("南通错误形状二有限公司", "崇川区");
        MvcResult r = mvc.perform(post("/api/enterprises/" + id + "/what-if").with(user(accounts.get("kjj"))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"change\":[{}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("change[0].factId"))
                .andReturn();
        assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotMatch(JAVA);
    }

    @Test
    void aWrongMethodIsAnsweredWithTheMethodsAllowed() throws Exception {
        var kjj = user(accounts.get("kjj"));
        mvc.perform(put("/api/enterprises").with(kjj).with(csrf()))
                .andExpect(status().isMethodNotAllowed()).andExpect(header().string("Allow", containsString("GET")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/fact-types").with(kjj).with(csrf()))
                .andExpect(status().isMethodNotAllowed()).andExpect(header().string("Allow", containsString("GET")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(put("/enterprises").with(kjj).with(csrf()))
                .andExpect(status().isMethodNotAllowed()).andExpect(header().string("Allow", containsString("GET")));
    }

    @Test
    void aCallerWithoutTheRightGets403WhateverTheParameters() throws Exception {
        long own = enterprises.create("南通错误形状三有限公司", "崇川区");
        long other = enterprises.create("南通错误形状四有限公司", "崇川区");
        var firm = user(accounts.create("firm-errors", Role.ENTERPRISE, own, null));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/enterprises").param("page", "abc").with(firm))
                .andExpect(status().isForbidden()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/enterprises/" + other + "/matching").param("asOf", "明天").with(firm))
                .andExpect(status().isNotFound()); // another enterprise answers as a missing one, still before its parameters are read
        mvc.perform(post("/api/enterprises/" + other + "/what-if").with(firm).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"change\":[{}]}"))
                .andExpect(status().isNotFound());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/screening/runs").param("page", "x").with(firm))
                .andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/enterprises/" + other + "/match").param("asOf", "2026-02-30").with(firm))
                .andExpect(status().isNotFound());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/enterprises/" + own + "/matching").param("asOf", "明天").with(firm))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aJsonBodyOverOneMegabyteIsRefusedWith413NamingTheLimitAndNothingIsStored() throws Exception {
        long id = enterprises.create("南通错误形状五有限公司", "崇川区");
        String big = "{\"type\":\"ic_tape_out\",\"date\":\"2026-06-01\",\"fields\":{\"product\":\"" + "长".repeat(600_000) + "\",\"first_round_cost\":1}}";
        HttpResponse<String> declared = call("POST", "/api/enterprises/" + id + "/facts", "kjj", "application/json", big.getBytes(StandardCharsets.UTF_8));
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(declared.body()).contains("1MB");
        // Without a declared length (chunked), the body stops being read at the limit.
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/enterprises/" + id + "/facts"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("kjj:" + ServiceTest.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))).build();
        HttpResponse<String> streamed = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(streamed.body()).contains("1MB");
        String longText = "{\"type\":\"ic_tape_out\",\"date\":\"2026-06-01\",\"fields\":{\"product\":\"" + "长".repeat(201) + "\",\"first_round_cost\":1}}";
        mvc.perform(post("/api/enterprises/" + id + "/facts").with(user(accounts.get("kjj"))).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(longText))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value(containsString("过长（201个字符，最多200个）")));
        assertThat(jdbc.sql("select count(*) from enterprise_fact where enterprise_id = ?").param(id).query(Long.class).single()).isZero();
    }

    @Test
    void aFormPostOverOneMegabyteIsRefusedAndNothingIsStored(CapturedOutput log) throws Exception {
        long id = enterprises.create("南通错误形状六有限公司", "崇川区");
        int before = log.getAll().length();
        String form = "type=ic_tape_out&date=2026-06-01&field.first_round_cost=1&field.product="
                + java.net.URLEncoder.encode("长".repeat(400_000), StandardCharsets.UTF_8);
        HttpResponse<String> r = call("POST", "/enterprises/" + id + "/facts", "kjj", "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isBetween(400, 413);
        assertThat(r.body()).contains("未处理").doesNotMatch(JAVA);
        assertThat(log.getAll().substring(before)).doesNotContain("ERROR").doesNotContain("\tat ");
        assertThat(jdbc.sql("select count(*) from enterprise_fact where enterprise_id = ?").param(id).query(Long.class).single()).isZero();
    }
}
