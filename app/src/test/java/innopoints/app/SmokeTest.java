package innopoints.app;

import innopoints.app.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ServiceTest
class SmokeTest {
    @Autowired MockMvc mvc;

    @Test
    void signInPageIsServedInChinese() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(org.hamcrest.Matchers.containsString("登录")));
    }
}
