package innopoints.app.web;

import innopoints.app.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.ObjectMapper;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The OpenAPI document the service serves describes every endpoint of the API, without signing in. */
@ServiceTest
class OpenApiTest {
    @Autowired MockMvc mvc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void everyApiEndpointIsDescribed() throws Exception {
        String json = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Set<String> described = new HashSet<>();
        new ObjectMapper().readTree(json).get("paths").propertyNames().forEach(described::add);
        Set<String> served = new HashSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/")).map(p -> p.replace(":.+}", "}")).forEach(served::add));
        assertThat(served).isNotEmpty();
        assertThat(described).containsAll(served);
        assertThat(json).contains("南通企业科技创新积分平台 API").contains("problem details");
    }
}
