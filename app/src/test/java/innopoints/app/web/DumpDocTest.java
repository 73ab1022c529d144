package innopoints.app.web;

import innopoints.app.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import java.nio.file.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

@ServiceTest
class DumpDocTest {
    @Autowired MockMvc mvc;
    @Test void dump() throws Exception {
        String json = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
        Files.writeString(Path.of("/tmp/api-scratch/doc.json"), json);
    }
}
