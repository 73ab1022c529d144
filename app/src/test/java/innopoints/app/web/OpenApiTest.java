package innopoints.app.web;

import innopoints.app.platform.OpenApiConfig;
import innopoints.app.screening.ScreeningRepository;
import innopoints.app.support.Accounts;
import innopoints.app.support.OpenApiValidation;
import innopoints.app.support.ServiceTest;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The OpenAPI document the service serves describes every operation of the API truly: a
 * summary, a readable id, its real answers (the success with a concrete content type and
 * schema, and each problem it can give in the one problem shape), its security, every query
 * parameter its handler reads, lists paged alike and exports as operations of their own. Every
 * API answer the tests receive is also checked against it ({@link OpenApiValidation}).
 */
@ServiceTest
class OpenApiTest {
    @Autowired MockMvc mvc;
    @Autowired WebApplicationContext context;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired Accounts accounts;
    @Autowired ScreeningRepository runs;

    JsonNode doc;
    List<Op> operations;

    /** One operation of the document with the handler that serves it. */
    record Op(String path, String method, JsonNode node, HandlerMethod handler) {
        String id() { return method.toUpperCase() + " " + path + " (" + node.path("operationId").asString() + ")"; }

        boolean isPublic() { return node.has("security") && node.path("security").isEmpty(); }

        Set<String> responses() { return new TreeSet<>(node.path("responses").propertyNames()); }

        List<JsonNode> parameters(String in) {
            List<JsonNode> out = new ArrayList<>();
            node.path("parameters").forEach(p -> { if (p.path("in").asString().equals(in)) out.add(p); });
            return out;
        }

        Set<String> parameterNames(String in) { return parameters(in).stream().map(p -> p.path("name").asString()).collect(Collectors.toSet()); }
    }

    @BeforeEach
    void readTheDocument() throws Exception {
        String json = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        doc = new ObjectMapper().readTree(json);
        operations = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> info.getPatternValues().stream().filter(p -> p.startsWith("/api/")).forEach(pattern -> {
            String path = pattern.replace(":.+}", "}");
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                JsonNode node = doc.path("paths").path(path).path(m.name().toLowerCase());
                if (!node.isMissingNode()) operations.add(new Op(path, m.name().toLowerCase(), node, handler));
            }
        }));
    }

    @Test
    void everyApiEndpointIsDescribed() {
        Set<String> described = new HashSet<>();
        doc.path("paths").propertyNames().forEach(described::add);
        Set<String> served = new HashSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/")).map(p -> p.replace(":.+}", "}")).forEach(served::add));
        assertThat(served).isNotEmpty();
        assertThat(described).containsAll(served);
        int described0 = 0;
        for (JsonNode path : doc.path("paths")) described0 += path.size();
        assertThat(operations).hasSize(described0);
        assertThat(doc.path("info").path("title").asString()).isEqualTo("南通企业科技创新积分平台 API");
    }

    @Test
    void everyOperationHasASummaryAReadableIdAndAConcreteSuccessAnswer() {
        Set<String> ids = new HashSet<>();
        for (Op op : operations) {
            assertThat(op.node.path("summary").asString("")).as(op.id() + " summary").isNotBlank();
            String id = op.node.path("operationId").asString("");
            assertThat(id).as(op.id() + " operationId").matches("[a-z][A-Za-z]+").doesNotMatch(".*_\\d+");
            assertThat(ids.add(id)).as("operationId " + id + " is unique").isTrue();
            List<String> successes = op.responses().stream().filter(c -> c.startsWith("2")).toList();
            assertThat(successes).as(op.id() + " has a 2xx answer").isNotEmpty();
            for (String code : successes) {
                JsonNode content = op.node.path("responses").path(code).path("content");
                if (code.equals("204")) {
                    assertThat(content.isMissingNode() || content.isEmpty()).as(op.id() + " 204 has no body").isTrue();
                    continue;
                }
                assertThat(content.propertyNames()).as(op.id() + " " + code + " content types").isNotEmpty().doesNotContain("*/*");
                for (String type : content.propertyNames()) {
                    JsonNode schema = content.path(type).path("schema");
                    assertThat(schema.has("$ref") || schema.has("type")).as(op.id() + " " + code + " " + type + " has a concrete schema: " + schema).isTrue();
                    assertThat(schema.has("oneOf") || schema.has("anyOf")).as(op.id() + " " + code + " is one answer, not a union: " + schema).isFalse();
                }
            }
        }
    }

    @Test
    void jsonListsAndTheirExportsAreSummarisedApart() {
        for (Op op : operations) {
            boolean export = op.path.endsWith(".xlsx");
            JsonNode ok = op.node.path("responses").path("200").path("content");
            if (export) {
                assertThat(ok.propertyNames()).as(op.id()).containsExactly("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                assertThat(op.node.path("summary").asString()).as(op.id()).contains("导出为Excel");
                assertThat(op.node.path("operationId").asString()).as(op.id()).startsWith("export");
            } else {
                assertThat(op.node.path("summary").asString()).as(op.id()).doesNotContain("导出");
                assertThat(ok.propertyNames()).as(op.id()).doesNotContain("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            }
            assertThat(op.parameterNames("query")).as(op.id() + ": exports are operations of their own, not a format parameter").doesNotContain("format");
        }
        assertThat(doc.path("components").path("schemas").has("StreamingResponseBody")).isFalse();
        assertThat(operations.stream().map(o -> o.node.path("operationId").asString()))
                .contains("listEnterprises", "exportEnterprises", "exportEnterprise", "exportScreenRuns", "exportClauseTallies", "exportClaimants");
    }

    @Test
    void everyOperationListsTheProblemAnswersItCanGive() {
        for (Op op : operations) {
            Set<String> codes = op.responses();
            boolean write = !op.method.equals("get");
            boolean body = op.node.has("requestBody");
            assertThat(codes).as(op.id()).contains("401", "500");
            if (!op.isPublic() && (write || !AnnotatedElementUtils.hasAnnotation(op.handler.getMethod(), OpenApiConfig.AnyAccount.class))) {
                assertThat(codes).as(op.id() + " checks access").contains("403");
            }
            if (!op.parameters("path").isEmpty()) assertThat(codes).as(op.id() + " has ids in its path").contains("404", "400");
            if (!op.parameters("query").isEmpty() || body) assertThat(codes).as(op.id() + " takes input").contains("400");
            if (body) assertThat(codes).as(op.id() + " takes a body").contains("413", "415");
            if (Set.of("put", "patch", "delete").contains(op.method)) assertThat(codes).as(op.id() + " writes a versioned record").contains("409");
            for (String code : codes) {
                if (code.startsWith("2")) continue;
                JsonNode content = op.node.path("responses").path(code).path("content");
                assertThat(content.propertyNames()).as(op.id() + " " + code).containsExactly("application/problem+json");
                assertThat(content.path("application/problem+json").path("schema").path("$ref").asString()).as(op.id() + " " + code)
                        .isEqualTo("#/components/schemas/Problem");
            }
        }
        JsonNode problem = doc.path("components").path("schemas").path("Problem");
        assertThat(problem.path("properties").propertyNames()).contains("type", "title", "status", "detail", "instance", "errors");
        assertThat(doc.path("components").path("schemas").path("FieldProblem").path("properties").propertyNames()).contains("field", "message");
        assertThat(byId("declareFact").responses()).contains("201").doesNotContain("200");
        assertThat(byId("startScreenRun").responses()).contains("202", "409").doesNotContain("200");
        assertThat(byId("uploadImport").responses()).contains("201", "422", "415", "413").doesNotContain("200");
        assertThat(byId("withdrawFact").responses()).contains("204").doesNotContain("200");
    }

    @Test
    void everyOperationStatesItsSecurityAndTheDocumentAgreesWithTheService() throws Exception {
        JsonNode schemes = doc.path("components").path("securitySchemes");
        assertThat(schemes.path("basic").path("type").asString()).isEqualTo("http");
        assertThat(schemes.path("basic").path("scheme").asString()).isEqualTo("basic");
        assertThat(schemes.path("session").path("in").asString()).isEqualTo("cookie");
        assertThat(schemes.path("session").path("name").asString()).isEqualTo("JSESSIONID");
        for (Op op : operations) {
            assertThat(op.node.has("security")).as(op.id() + " states its security").isTrue();
            if (!op.isPublic()) {
                Set<String> names = new HashSet<>();
                op.node.path("security").forEach(r -> names.addAll(r.propertyNames()));
                assertThat(names).as(op.id()).containsExactlyInAnyOrder("basic", "session");
            }
            // anonymous, with a CSRF token so that only the sign-in rule can refuse
            String url = op.path.replaceAll("\\{[^}]+}", "1");
            var req = request(HttpMethod.valueOf(op.method.toUpperCase()), url).with(csrf());
            if (op.node.has("requestBody")) req.contentType(MediaType.APPLICATION_JSON).content("{}");
            int status = mvc.perform(req).andReturn().getResponse().getStatus();
            if (op.isPublic()) assertThat(status).as(op.id() + " is public").isNotEqualTo(401);
            else assertThat(status).as(op.id() + " needs an account").isEqualTo(401);
        }
        assertThat(byId("searchPolicies").isPublic()).isTrue();
        assertThat(byId("getClause").isPublic()).isTrue();
        assertThat(byId("listEnterprises").isPublic()).isFalse();
    }

    /** A small fuzzer: every read, by every role, on real ids; the suite's validator checks each answer. */
    @Test
    void everyReadAnswersAsDescribedForEveryRole() throws Exception {
        long enterprise = accounts.get("qiye").enterpriseId();
        long run = runs.latestDone().orElseThrow().id();
        int checked = 0;
        for (Op op : operations) {
            if (!op.method.equals("get")) continue;
            String url = op.path.startsWith("/api/policies/")
                    ? op.path.replace("{documentId}", "city-2025").replace("{clauseId}", "4.1")
                    : op.path.replace("{documentId}", "city-2025").replace("{clauseId}", "21.5");
            url = url.replace("{id}", String.valueOf(url.startsWith("/api/screening") ? run : enterprise));
            for (String who : List.of("qiye", "kjj", "caizheng", "lingdao", "admin")) {
                MvcResult result = mvc.perform(get(url).with(user(accounts.get(who)))).andReturn();
                if (result.getRequest().isAsyncStarted()) result = mvc.perform(asyncDispatch(result)).andReturn();
                assertThat(result.getResponse().getStatus()).as(who + " " + url).isLessThan(500);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(50);
    }

    @Test
    void everyQueryParameterAHandlerReadsIsNamedAndDescribed() {
        DefaultParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
        for (Op op : operations) {
            Set<String> query = new HashSet<>(), path = new HashSet<>();
            for (MethodParameter p : op.handler.getMethodParameters()) {
                p.initParameterNameDiscovery(names);
                Class<?> type = p.getParameterType();
                if (p.hasParameterAnnotation(AuthenticationPrincipal.class) || p.hasParameterAnnotation(RequestBody.class)
                        || HttpServletRequest.class.isAssignableFrom(type) || CsrfToken.class.isAssignableFrom(type)) continue;
                RequestParam rp = p.getParameterAnnotation(RequestParam.class);
                PathVariable pv = p.getParameterAnnotation(PathVariable.class);
                if (rp != null && !MultipartFile.class.isAssignableFrom(type)) query.add(rp.name().isEmpty() ? p.getParameterName() : rp.name());
                else if (pv != null) path.add(pv.name().isEmpty() ? p.getParameterName() : pv.name());
                else if (type.isRecord()) for (RecordComponent c : type.getRecordComponents()) query.add(c.getName());
            }
            assertThat(op.parameterNames("query")).as(op.id() + " query parameters").containsExactlyInAnyOrderElementsOf(query);
            assertThat(op.parameterNames("path")).as(op.id() + " path parameters").containsExactlyInAnyOrderElementsOf(path);
            for (JsonNode p : op.node.path("parameters")) {
                String name = p.path("name").asString("");
                assertThat(name).as(op.id()).isNotBlank().isNotEqualTo("csrf").isNotEqualTo("filter");
                assertThat(p.path("description").asString("")).as(op.id() + " parameter " + name + " is described").isNotBlank();
                assertThat(p.path("schema").path("type").asString("")).as(op.id() + " parameter " + name + " is a simple value").isIn("string", "integer", "boolean", "number");
                if (p.path("in").asString().equals("query")) assertThat(p.path("required").asBoolean(false)).as(op.id() + " " + name + " is optional").isFalse();
            }
        }
        assertThat(byId("getMe").node.path("parameters").isEmpty()).as("the CSRF token is the server's, not a parameter").isTrue();
        assertThat(byId("listEnterprises").parameterNames("query")).contains("q", "district", "park", "qualification", "industry");
    }

    @Test
    void everyListIsPagedTheSameWay() {
        for (Op op : operations) {
            String ref = op.node.path("responses").path("200").path("content").path("application/json").path("schema").path("$ref").asString("");
            boolean paged = ref.startsWith("#/components/schemas/PageJson");
            boolean takesPage = op.parameterNames("query").contains("page");
            assertThat(paged).as(op.id() + " answers a page exactly when it takes page").isEqualTo(takesPage);
            if (!paged) continue;
            assertThat(op.parameterNames("query")).as(op.id()).contains("page", "size", "sort", "dir");
            JsonNode page = doc.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
            assertThat(page.path("properties").propertyNames()).as(ref).containsExactlyInAnyOrder("items", "page", "size", "total", "pages", "sort", "dir");
        }
        assertThat(byId("listClauseTallies").parameterNames("query")).contains("page", "size", "sort", "dir");
    }

    @Test
    void fieldsThatMayBeNullAreDescribedSo() {
        JsonNode schemas = doc.path("components").path("schemas");
        for (String field : List.of("Me.enterpriseId", "Me.department", "EnterpriseJson.park", "EnterpriseJson.size", "ScreenRun.finishedAt",
                "ScreenRun.error", "ClaimantJson.figure", "ClaimantJson.park", "EntitlementJson.figure", "EntitlementJson.screenRun",
                "Me.csrfHeader", "Me.csrfToken", "AccountJson.enterpriseId", "AccountJson.department", "MatchView.draftEffective", "Indicator.revenue", "Step.quote",
                "Delta.before", "RowError.row", "FactJson.createdBy")) {
            String[] parts = field.split("\\.");
            JsonNode type = schemas.path(parts[0]).path("properties").path(parts[1]).path("type");
            assertThat(type.isArray() && type.toString().contains("\"null\"")).as(field + " may be null: " + type).isTrue();
        }
        JsonNode id = schemas.path("EnterpriseJson").path("properties").path("id").path("type");
        assertThat(id.isArray()).as("an id is never null").isFalse();
    }

    @Test
    void theValidatorRefusesAnAnswerTheDocumentDoesNotDescribe() throws Exception {
        OpenApiValidation validation = new OpenApiValidation(context);
        assertThatThrownBy(() -> validation.check(answer("GET", "/api/me", 200, "application/json", "{\"username\": 5}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("username");
        assertThatThrownBy(() -> validation.check(answer("GET", "/api/me", 200, "application/json", "{\"username\": \"a\", \"secret\": \"x\"}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("secret");
        assertThatThrownBy(() -> validation.check(answer("GET", "/api/me", 418, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"t\",\"status\":418}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("418");
        assertThatThrownBy(() -> validation.check(answer("GET", "/api/enterprises", 200, "*/*", "{}")))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> validation.check(answer("GET", "/api/enterprises", 403, "application/json", "{\"message\":\"no\"}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("application/json");
        assertThatThrownBy(() -> validation.check(answer("GET", "/api/enterprises/1", 404, "application/problem+json", "{\"title\":\"未找到\"}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("status");
        assertThatThrownBy(() -> validation.check(answer("GET", "/api/nowhere", 200, "application/json", "{}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no operation");
        // and lets a true answer pass
        validation.check(answer("GET", "/api/enterprises/1", 404, "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"未找到\",\"status\":404,\"errors\":[{\"field\":\"id\",\"message\":\"没有\"}]}"));
    }

    private Op byId(String id) {
        return operations.stream().filter(o -> o.node.path("operationId").asString().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no operation " + id));
    }

    private static MvcResult answer(String method, String uri, int status, String type, String body) throws Exception {
        MockHttpServletRequest req = new MockHttpServletRequest(method, uri);
        MockHttpServletResponse res = new MockHttpServletResponse();
        res.setStatus(status);
        res.setContentType(type);
        res.setCharacterEncoding("UTF-8");
        res.getWriter().write(body);
        res.getWriter().flush();
        return new MvcResult() {
            @Override public MockHttpServletRequest getRequest() { return req; }
            @Override public MockHttpServletResponse getResponse() { return res; }
            @Override public Object getHandler() { return null; }
            @Override public HandlerInterceptor[] getInterceptors() { return new HandlerInterceptor[0]; }
            @Override public ModelAndView getModelAndView() { return null; }
            @Override public Exception getResolvedException() { return null; }
            @Override public FlashMap getFlashMap() { return new FlashMap(); }
            @Override public Object getAsyncResult() { return null; }
            @Override public Object getAsyncResult(long timeToWait) { return null; }
        };
    }
}
