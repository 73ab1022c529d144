package innopoints.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Checks every answer of the API that any test receives through MockMvc against the OpenAPI
 * document the service serves: the operation exists, the status is one it lists, the content
 * type is one it lists for that status, and a JSON body is valid against that response's schema
 * (JSON Schema 2020-12, as OpenAPI 3.1 uses it, by the networknt validator). Objects are checked
 * closed: a field the document does not describe fails too.
 */
public final class OpenApiValidation {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.metaSchema(OpenApi31.getInstance()).defaultMetaSchemaIri(OpenApi31.getInstance().getIri()));

    private final WebApplicationContext context;
    private volatile Document document;

    public OpenApiValidation(WebApplicationContext context) { this.context = context; }

    /** Every MockMvc of the suite validates each /api answer it receives. */
    @Bean
    MockMvcBuilderCustomizer validateApiAnswers() {
        return builder -> builder.alwaysDo(this::check);
    }

    /** The served document and what is derived from it, read once per application context. */
    private record Document(JsonNode root, List<Template> templates, ObjectNode components, Map<String, JsonSchema> schemas) {}

    private record Template(String path, Pattern pattern, int literals) {}

    private Document document() throws Exception {
        Document d = document;
        if (d != null) return d;
        synchronized (this) {
            if (document == null) {
                String json = MockMvcBuilders.webAppContextSetup(context).build().perform(get("/v3/api-docs"))
                        .andReturn().getResponse().getContentAsString();
                JsonNode root = JSON.readTree(json);
                List<Template> templates = new ArrayList<>();
                root.path("paths").fieldNames().forEachRemaining(p -> templates.add(template(p)));
                templates.sort(Comparator.comparingInt(Template::literals).reversed());
                ObjectNode components = ((ObjectNode) root.path("components")).deepCopy();
                closeObjects(components.path("schemas"));
                document = new Document(root, List.copyOf(templates), components, new ConcurrentHashMap<>());
            }
            return document;
        }
    }

    private static Template template(String path) {
        StringBuilder regex = new StringBuilder();
        Matcher m = Pattern.compile("\\{[^}]+}").matcher(path);
        int at = 0, literals = 0;
        while (m.find()) {
            regex.append(Pattern.quote(path.substring(at, m.start()))).append("[^/]+");
            literals += m.start() - at;
            at = m.end();
        }
        regex.append(Pattern.quote(path.substring(at)));
        literals += path.length() - at;
        return new Template(path, Pattern.compile(regex.toString()), literals);
    }

    /** Described objects admit no undescribed field, except the problem shape, which RFC 9457 leaves open. */
    private static void closeObjects(JsonNode schemas) {
        for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("Problem") || e.getKey().equals("FieldProblem")) continue;
            if (e.getValue() instanceof ObjectNode s && s.has("properties") && !s.has("additionalProperties") && !s.has("unevaluatedProperties")) {
                s.put("unevaluatedProperties", false);
            }
        }
    }

    /** Fails (AssertionError) if an /api answer is not one the served document describes; other answers pass. */
    public void check(MvcResult result) throws Exception {
        MockHttpServletRequest req = result.getRequest();
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (!path.startsWith("/api/") || req.isAsyncStarted()) return;
        MockHttpServletResponse res = result.getResponse();
        Document doc = document();
        String method = req.getMethod().toLowerCase();
        String where = req.getMethod() + " " + path + " → " + res.getStatus();
        Optional<Template> template = doc.templates().stream().filter(t -> t.pattern().matcher(path).matches()).findFirst();
        JsonNode operation = template.map(t -> doc.root().path("paths").path(t.path()).path(method)).orElse(null);
        if (operation == null || operation.isMissingNode()) {
            // no such operation: only a problem (404 address, 405 method, 401 before anything) may answer
            if (res.getStatus() < 400) throw new AssertionError(where + ": the OpenAPI document has no operation for this request");
            validate(doc, where, "problem", JSON.createObjectNode().put("$ref", "#/components/schemas/Problem"), res);
            return;
        }
        String status = String.valueOf(res.getStatus());
        JsonNode response = operation.path("responses").path(status);
        if (response.isMissingNode()) response = operation.path("responses").path(status.charAt(0) + "XX");
        if (response.isMissingNode()) response = operation.path("responses").path("default");
        if (response.isMissingNode()) {
            List<String> listed = new ArrayList<>();
            operation.path("responses").fieldNames().forEachRemaining(listed::add);
            throw new AssertionError(where + ": status " + status + " is not among the operation's responses " + listed
                    + " (" + operation.path("operationId").asText() + "); body: " + res.getContentAsString());
        }
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (res.getContentAsByteArray().length > 0) throw new AssertionError(where + ": the document describes no body, but one came: " + res.getContentAsString());
            return;
        }
        String type = res.getContentType();
        if (type == null) throw new AssertionError(where + ": no Content-Type, the document lists " + names(content));
        MediaType actual = MediaType.parseMediaType(type);
        String listed = null;
        for (Iterator<String> it = content.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (MediaType.parseMediaType(name).includes(actual) && MediaType.parseMediaType(name).getSubtype().equals(actual.getSubtype())) listed = name;
        }
        if (listed == null) throw new AssertionError(where + ": Content-Type " + type + " is not among " + names(content));
        if (!actual.getSubtype().equals("json") && !actual.getSubtype().endsWith("+json")) return;
        JsonNode schema = content.path(listed).path("schema");
        if (schema.isMissingNode()) throw new AssertionError(where + ": no schema for " + listed);
        validate(doc, where, template.get().path() + " " + method + " " + status + " " + listed, schema, res);
    }

    private static void validate(Document doc, String where, String key, JsonNode schema, MockHttpServletResponse res) throws Exception {
        JsonSchema validator = doc.schemas().computeIfAbsent(key, k -> {
            ObjectNode root = schema.deepCopy();
            root.set("components", doc.components());
            return SCHEMAS.getSchema(root);
        });
        String body = res.getContentAsString();
        if (body.isEmpty()) throw new AssertionError(where + ": empty body, the document describes " + schema);
        Set<ValidationMessage> errors = validator.validate(JSON.readTree(body));
        if (!errors.isEmpty()) {
            throw new AssertionError(where + ": the answer does not match the OpenAPI document: " + errors + "\nbody: "
                    + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body));
        }
    }

    private static List<String> names(JsonNode content) {
        List<String> out = new ArrayList<>();
        content.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
