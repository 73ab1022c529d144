package innopoints.app.registry;

import innopoints.app.support.Accounts;
import innopoints.app.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A registry filter on a place or word no enterprise can hold is named, never an empty list in silence. */
@ServiceTest
class RegistryFilterTest {
    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;

    @Test
    void aDistrictWithoutItsSuffixIsRefusedByTheApiNamingTheDistrictMeant() throws Exception {
        mvc.perform(get("/api/enterprises").param("district", "通州").with(user(accounts.get("kjj"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("district"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("通州区")));
        mvc.perform(get("/api/enterprises/export.xlsx").param("industry", "集成电").with(user(accounts.get("kjj"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("industry"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("集成电路")));
    }

    @Test
    void theListPageSaysWhichFilterCanMatchNothing() throws Exception {
        mvc.perform(get("/enterprises").param("district", "通州").param("park", "南通高新").with(user(accounts.get("kjj"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"filter-errors\"")))
                .andExpect(content().string(containsString("是否指“通州区”")));
    }

    @Test
    void aKnownDistrictAndParkFilterAsBefore() throws Exception {
        mvc.perform(get("/api/enterprises").param("district", "通州区").with(user(accounts.get("kjj"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].district").value("通州区"));
    }
}
