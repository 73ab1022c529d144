package innopoints.app.accounts;

import innopoints.app.platform.Policies;
import innopoints.app.screening.ScreeningRepository;
import innopoints.app.support.Accounts;
import innopoints.app.support.ServiceTest;
import innopoints.engine.policy.Clause;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The role table of docs/security.md, where the issue found it broken. */
@ServiceTest
class WhoSeesWhatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Policies policies;
    @Autowired ScreeningRepository runs;

    private JsonNode json(MockHttpServletRequestBuilder request) throws Exception {
        return JSON.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private List<String> clauses(JsonNode entitlements) {
        List<String> out = new ArrayList<>();
        entitlements.forEach(e -> out.add(e.get("clause").asString()));
        return out;
    }

    /** An enterprise of the latest official screen with entitlements of the officer's department and of others. */
    private long mixedClaimant(String department) {
        long run = runs.latestOfficial().orElseThrow().id();
        for (long id : jdbc.sql("select distinct enterprise_id from entitlement where run_id = ? order by 1").param(run).query(Long.class).list()) {
            List<String> refs = jdbc.sql("select clause_ref from entitlement where run_id = ? and enterprise_id = ?").params(run, id).query(String.class).list();
            boolean mine = refs.stream().anyMatch(r -> policies.clause(r).departments().contains(department));
            boolean others = refs.stream().anyMatch(r -> !policies.clause(r).departments().contains(department));
            if (mine && others) return id;
        }
        throw new AssertionError("the demo registry has no enterprise with clauses of " + department + " and of other departments");
    }

    private byte[] download(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult started = mvc.perform(request).andReturn();
        return mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    /** Every cell of every sheet, as text. */
    private static String sheets(byte[] xlsx) throws Exception {
        StringBuilder text = new StringBuilder();
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (var sheet : wb.getSheets().toList()) {
                for (var row : sheet.read()) row.stream().forEach(c -> text.append(c == null ? "" : c.getText()).append('|'));
            }
        }
        return text.toString();
    }

    @Test
    void anOfficerSeesOfAnEnterprisesEntitlementsOnlyThoseItsDepartmentAnswersFor() throws Exception {
        Account officer = accounts.get("kjj");
        long id = mixedClaimant(officer.department());
        RequestPostProcessor kjj = user(officer), admin = user(accounts.get("admin"));

        List<String> all = clauses(json(get("/api/enterprises/" + id + "/entitlements").with(admin)));
        List<String> seen = clauses(json(get("/api/enterprises/" + id + "/entitlements").with(kjj)));
        List<String> hidden = all.stream().filter(r -> !policies.clause(r).departments().contains(officer.department())).toList();
        assertThat(hidden).isNotEmpty();
        assertThat(seen).isNotEmpty().allMatch(r -> policies.clause(r).departments().contains(officer.department()));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(all.stream().filter(r -> !hidden.contains(r)).toList());
        assertThat(clauses(json(get("/api/enterprises/" + id).with(kjj)).get("entitlements"))).isEqualTo(seen);

        String page = mvc.perform(get("/enterprises/" + id).with(kjj)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String workbook = sheets(download(get("/enterprises/" + id).param("format", "xlsx").with(kjj)));
        String apiWorkbook = sheets(download(get("/api/enterprises/" + id + "/export.xlsx").with(kjj)));
        for (String ref : hidden) {
            Clause c = policies.clause(ref);
            assertThat(page).doesNotContain("/policies/" + c.documentId() + "/" + c.id() + "\"");
            assertThat(workbook).doesNotContain(ref);
            assertThat(apiWorkbook).doesNotContain(ref);
        }
        for (String ref : seen) {
            Clause c = policies.clause(ref);
            assertThat(page).contains("/policies/" + c.documentId() + "/" + c.id() + "\"");
            assertThat(workbook).contains(ref);
        }
        assertThat(page).contains("由其他部门负责");
    }

    /** A problem body without its instance (the address asked), which differs by construction. */
    private static JsonNode body(MvcResult r) throws Exception {
        ObjectNode n = (ObjectNode) JSON.readTree(r.getResponse().getContentAsString());
        n.remove("instance");
        return n;
    }

    private long missingId() {
        return jdbc.sql("select coalesce(max(id), 0) + 1000000 from enterprise").query(Long.class).single();
    }

    @Test
    void anotherEnterpriseAndAMissingOneAnswerTheSame404() throws Exception {
        Account qiye = accounts.get("qiye");
        RequestPostProcessor as = user(qiye);
        long other = jdbc.sql("select id from enterprise where id <> ? order by id limit 1").param(qiye.enterpriseId()).query(Long.class).single();
        long missing = missingId();
        for (String path : List.of("/api/enterprises/%d", "/api/enterprises/%d/facts", "/api/enterprises/%d/entitlements", "/api/enterprises/%d/matching")) {
            MvcResult a = mvc.perform(get(path.formatted(other)).with(as)).andExpect(status().isNotFound()).andReturn();
            MvcResult b = mvc.perform(get(path.formatted(missing)).with(as)).andExpect(status().isNotFound()).andReturn();
            assertThat(body(a)).as(path).isEqualTo(body(b));
        }
        String pageOther = mvc.perform(get("/enterprises/" + other).with(as)).andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        String pageMissing = mvc.perform(get("/enterprises/" + missing).with(as)).andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        // the sign-out form's CSRF token is masked afresh on every answer; everything else must be the same
        assertThat(withoutToken(pageOther)).contains(Access.NO_ENTERPRISE).isEqualTo(withoutToken(pageMissing));
    }

    private static String withoutToken(String html) {
        return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
    }

    @Test
    void anotherEnterprisesFactAndAMissingFactAnswerTheSame404() throws Exception {
        Account qiye = accounts.get("qiye");
        RequestPostProcessor as = user(qiye);
        long own = qiye.enterpriseId();
        long othersFact = jdbc.sql("select min(id) from enterprise_fact where enterprise_id <> ?").param(own).query(Long.class).single();
        long otherEnterprise = jdbc.sql("select enterprise_id from enterprise_fact where id = ?").param(othersFact).query(Long.class).single();
        long missingFact = jdbc.sql("select max(id) + 1000000 from enterprise_fact").query(Long.class).single();
        long missingEnterprise = missingId();
        String change = "{\"version\":1,\"date\":\"2026-03-01\",\"fields\":{}}";
        // each pair: a record of another enterprise, and one that does not exist; the two answers must be the same
        List<List<MockHttpServletRequestBuilder>> pairs = List.of(
                List.of(put("/api/enterprises/" + otherEnterprise + "/facts/" + othersFact).contentType(MediaType.APPLICATION_JSON).content(change),
                        put("/api/enterprises/" + missingEnterprise + "/facts/" + othersFact).contentType(MediaType.APPLICATION_JSON).content(change)),
                List.of(put("/api/enterprises/" + own + "/facts/" + othersFact).contentType(MediaType.APPLICATION_JSON).content(change),
                        put("/api/enterprises/" + own + "/facts/" + missingFact).contentType(MediaType.APPLICATION_JSON).content(change)),
                List.of(delete("/api/enterprises/" + otherEnterprise + "/facts/" + othersFact).param("version", "1"),
                        delete("/api/enterprises/" + missingEnterprise + "/facts/" + othersFact).param("version", "1")),
                List.of(delete("/api/enterprises/" + own + "/facts/" + othersFact).param("version", "1"),
                        delete("/api/enterprises/" + own + "/facts/" + missingFact).param("version", "1")));
        for (List<MockHttpServletRequestBuilder> pair : pairs) {
            JsonNode a = body(mvc.perform(pair.get(0).with(as).with(csrf())).andExpect(status().isNotFound()).andReturn());
            JsonNode b = body(mvc.perform(pair.get(1).with(as).with(csrf())).andExpect(status().isNotFound()).andReturn());
            assertThat(a).isEqualTo(b);
        }
        mvc.perform(get("/enterprises/" + otherEnterprise + "/match").param("edit", String.valueOf(othersFact)).with(as)).andExpect(status().isNotFound());
        mvc.perform(get("/enterprises/" + own + "/match").param("edit", String.valueOf(othersFact)).with(as)).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from enterprise_fact where id = ?").param(othersFact).query(Long.class).single()).isEqualTo(1);
    }
}
