package innopoints.app.web;

import innopoints.app.screening.ScreeningRepository;
import innopoints.app.support.Accounts;
import innopoints.app.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The per-clause tallies of a screen are paged like every other list of the API. */
@ServiceTest
class ApiPagingTest {
    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired ScreeningRepository runs;

    @Test
    void clauseTalliesArePagedAndSortedLikeEveryList() throws Exception {
        String base = "/api/screening/runs/" + runs.latestDone().orElseThrow().id() + "/clauses";
        JsonNode all = read(base + "?size=200");
        long total = all.get("total").asLong();
        assertThat(total).isGreaterThan(2);
        assertThat(all.get("items").size()).isEqualTo((int) total);
        assertThat(all.get("sort").asString()).isEqualTo("clause");

        JsonNode second = read(base + "?size=2&page=2");
        assertThat(second.get("page").asInt()).isEqualTo(2);
        assertThat(second.get("size").asInt()).isEqualTo(2);
        assertThat(second.get("total").asLong()).isEqualTo(total);
        assertThat(second.get("pages").asInt()).isEqualTo((int) ((total + 1) / 2));
        assertThat(second.get("items").size()).isEqualTo(2);
        assertThat(second.get("items").get(0).get("clause").asString()).isEqualTo(all.get("items").get(2).get("clause").asString());

        JsonNode byEnterprises = read(base + "?size=200&sort=enterprises&dir=desc");
        assertThat(byEnterprises.get("sort").asString()).isEqualTo("enterprises");
        assertThat(byEnterprises.get("dir").asString()).isEqualTo("desc");
        List<Long> counts = new ArrayList<>();
        byEnterprises.get("items").forEach(t -> counts.add(t.get("enterprises").asLong()));
        assertThat(counts).isSortedAccordingTo((a, b) -> Long.compare(b, a));

        JsonNode beyond = read(base + "?size=2&page=100000");
        assertThat(beyond.get("items").size()).isZero();
    }

    private JsonNode read(String url) throws Exception {
        String json = mvc.perform(get(url).with(user(accounts.get("admin")))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return new ObjectMapper().readTree(json);
    }
}
