package innopoints.app.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The OpenAPI document: its security schemes, the one problem-details schema, and a customizer
 * that gives every operation the problem responses it can really answer (so new endpoints are
 * described without anyone remembering to), its security, and a description of the paging
 * parameters every list shares.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {
    /** The media type of every problem-details answer. */
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String BASIC = "basic";
    public static final String SESSION = "session";

    static {
        // a server-side argument, never something a caller sends
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CsrfToken.class);
    }

    /**
     * Marks an API controller or handler that answers without signing in (SecurityConfig permits
     * it); the document then gives it an empty security requirement. OpenApiTest checks both agree.
     */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface PublicApi {}

    /**
     * Marks a handler that any signed-in account may call, whose only refusals are 401 (and 403
     * for a write without its CSRF token): the document then gives a GET no 403.
     */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface AnyAccount {}

    @Bean
    OpenAPI innopointsApi() {
        return new OpenAPI().info(new Info().title("南通企业科技创新积分平台 API").version("1")
                        .description("""
                                政策清单、企业名录、政策计算器与主动筛查的接口。登录方式：浏览器会话（写操作需带 X-CSRF-TOKEN，令牌见 GET /api/me）\
                                或 HTTP Basic。所有错误均为 RFC 9457 problem details（application/problem+json）：type、title、status、\
                                detail（中文说明）、instance，输入错误另有 errors 数组，每项为 {field, message}。列表均分页：\
                                page（从1开始）、size（最多200）、sort、dir，答复为 {items, page, size, total, pages, sort, dir}；\
                                导出Excel是单独的操作（路径以 /export.xlsx 结尾）。"""))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("HTTP Basic，供脚本使用：每次请求都校验口令，不创建会话；写操作不需要CSRF令牌"))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE)
                                .name("JSESSIONID").description("在 /login 登录后的会话Cookie；写操作（POST、PUT、PATCH、DELETE）须在请求头 "
                                        + "X-CSRF-TOKEN 中带上 GET /api/me 返回的令牌"))
                        .addSchemas("Problem", problemSchema())
                        .addSchemas("FieldProblem", fieldProblemSchema()));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema problemSchema() {
        Schema s = new ObjectSchema().description("RFC 9457 problem details：所有错误的唯一形式");
        s.addProperty("type", new StringSchema().format("uri-reference").description("错误类别的URI，如 https://innopoints.nantong/problems/invalid-input"));
        s.addProperty("title", new StringSchema().description("错误类别（中文）"));
        s.addProperty("status", new IntegerSchema().format("int32").minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599))
                .description("HTTP状态码"));
        s.addProperty("detail", new StringSchema().description("给用户看的中文说明，指出出错的字段"));
        s.addProperty("instance", new StringSchema().format("uri-reference").description("出错的请求路径"));
        s.addProperty("errors", new ArraySchema().items(new Schema().$ref("#/components/schemas/FieldProblem"))
                .description("输入有误时：每个出错的字段（导入文件时为每个出错的行和列）"));
        s.addProperty("importId", new IntegerSchema().format("int64").description("导入被拒时：该次导入的编号，可用 GET /api/imports/{id} 查看报告"));
        s.setRequired(List.of("type", "title", "status"));
        return s;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema fieldProblemSchema() {
        Schema s = new ObjectSchema().description("一个出错的字段：字段名与中文说明（说明中写明字段）");
        s.addProperty("field", nullable(new StringSchema()).description("字段名（参数名、JSON字段键或导入文件的列名）；涉及整行或整个文件时为null"));
        s.addProperty("message", new StringSchema().description("中文说明"));
        s.addProperty("row", nullable(new IntegerSchema()).description("导入文件中的行号（表头为第1行）；仅导入时出现"));
        s.addProperty("column", nullable(new StringSchema()).description("导入文件中的列名；仅导入时出现"));
        s.addProperty("reason", new StringSchema().description("导入时：该行被拒的原因"));
        s.setRequired(List.of("message"));
        return s;
    }

    /** A schema that also allows null (OpenAPI 3.1: "null" among its types). */
    @SuppressWarnings("rawtypes")
    static Schema nullable(Schema s) {
        Set<String> types = new LinkedHashSet<>();
        if (s.getTypes() != null) types.addAll(s.getTypes());
        if (s.getType() != null) types.add(s.getType());
        types.add("null");
        s.setTypes(types);
        return s;
    }

    /**
     * Properties annotated {@code @Schema(nullable = true)} are written for OpenAPI 3.1, which has
     * no "nullable": "null" joins their types, or a reference becomes a oneOf with null.
     */
    @Bean
    @SuppressWarnings({"rawtypes", "unchecked"})
    PropertyCustomizer nullableProperties() {
        return (property, type) -> {
            Annotation[] annotations = type.getCtxAnnotations();
            if (annotations == null) return property;
            for (Annotation a : annotations) {
                if (a instanceof io.swagger.v3.oas.annotations.media.Schema s && s.nullable()) {
                    if (property.get$ref() != null) {
                        Schema ref = new Schema().$ref(property.get$ref());
                        property.set$ref(null);
                        property.setOneOf(new ArrayList<>(List.of(ref, new Schema().typesItem("null"))));
                        return property;
                    }
                    property.setNullable(null);
                    return nullable(property);
                }
            }
            return property;
        };
    }

    /** Engine types carry no framework annotations: what of them may be null is said here. */
    @Bean
    @SuppressWarnings("rawtypes")
    GlobalOpenApiCustomizer engineNullables() {
        return api -> {
            Map<String, Schema> schemas = api.getComponents() == null ? null : api.getComponents().getSchemas();
            if (schemas == null) return;
            Schema step = schemas.get("Step");
            if (step != null && step.getProperties() != null && step.getProperties().get("quote") instanceof Schema quote) {
                nullable(quote).description("所依据的政策原文；该步骤不引用原文时为null");
            }
        };
    }

    /**
     * Every operation: its security (none for {@link PublicApi}), and the problem answers it can
     * give: 401 and 403 when signed in (403 also for any session write without its CSRF token),
     * 404 for an id in the path, 400 for bad parameters or body, 409 for PUT/PATCH/DELETE (a
     * record changed since it was read), 413/415 for a body, 500 always. Answers an operation
     * declares itself (201, 202, 204, 409, 422...) are kept as declared.
     */
    @Bean
    GlobalOperationCustomizer problemAnswers() {
        return (operation, handler) -> {
            boolean open = annotated(handler, PublicApi.class);
            Set<RequestMethod> methods = methods(handler);
            boolean write = methods.stream().anyMatch(m -> m != RequestMethod.GET && m != RequestMethod.HEAD);
            List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
            boolean pathIds = parameters.stream().anyMatch(p -> "path".equals(p.getIn()));
            boolean input = !parameters.isEmpty() || operation.getRequestBody() != null;
            boolean body = operation.getRequestBody() != null;
            readableId(operation, handler);
            describeFromMethod(parameters, handler);
            parameters.forEach(OpenApiConfig::describePaging);

            operation.setSecurity(open ? new ArrayList<>() : List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(SESSION)));
            if (operation.getResponses() == null) operation.setResponses(new ApiResponses());
            Map<String, String> answers = new TreeMap<>();
            if (input) answers.put("400", "输入有误：参数或请求内容不合要求，errors 列出每个出错的字段");
            answers.put("401", open ? "携带的HTTP Basic凭据不正确（不带凭据时无需登录）" : "未登录，或HTTP Basic凭据不正确");
            if (write) {
                answers.put("403", open ? "会话方式的写操作缺少CSRF令牌" : "当前账户无权进行此操作，或会话方式的写操作缺少CSRF令牌");
            } else if (!open && !annotated(handler, AnyAccount.class)) {
                answers.put("403", "当前账户无权访问");
            }
            if (pathIds) answers.put("404", "路径中的记录不存在（或当前账户无权知道它存在）");
            if (methods.contains(RequestMethod.PUT) || methods.contains(RequestMethod.PATCH) || methods.contains(RequestMethod.DELETE)) {
                answers.put("409", "操作冲突：记录已被他人修改（版本不符），请刷新后重试");
            }
            if (body) {
                answers.put("413", "请求内容或上传文件超过大小上限");
                answers.put("415", "不支持的请求内容类型");
            }
            answers.put("429", "该地址登录失败次数过多，须等待后再试（Retry-After 给出秒数）");
            answers.put("500", "服务器错误（已记录，不含内部细节）");
            answers.forEach((code, description) -> {
                ApiResponse declared = operation.getResponses().get(code);
                if (declared == null) {
                    operation.getResponses().addApiResponse(code, problem(description));
                } else if (declared.getContent() == null || declared.getContent().isEmpty()) {
                    declared.setContent(problemContent());
                }
            });
            // an error declared on a handler is still a problem, whatever springdoc guessed from the return type
            operation.getResponses().forEach((code, r) -> {
                if ((code.startsWith("4") || code.startsWith("5")) && (r.getContent() == null || r.getContent().get(PROBLEM_JSON) == null)) {
                    r.setContent(problemContent());
                }
            });
            return operation;
        };
    }

    static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(problemContent());
    }

    @SuppressWarnings("rawtypes")
    static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
    }

    /** The paging parameters every list shares, described once here. */
    static void describePaging(Parameter p) {
        if (!"query".equals(p.getIn())) return;
        switch (p.getName()) {
            case "page" -> { if (p.getDescription() == null) p.setDescription("页码，从1开始（默认1）"); }
            case "size" -> { if (p.getDescription() == null) p.setDescription("每页条数，默认20，最多" + PageQuery.MAX_SIZE + "（更大的值按" + PageQuery.MAX_SIZE + "）"); }
            case "sort" -> { if (p.getDescription() == null) p.setDescription("排序字段（列表允许的列之一；其他值按默认排序）"); }
            case "dir" -> {
                if (p.getDescription() == null) p.setDescription("排序方向：asc（升序）或 desc（倒序）");
            }
            default -> { }
        }
    }

    /**
     * A handler that names no operationId gets one from its method and class ({@code list} in
     * {@code AccountsApi} → {@code listAccounts}), never springdoc's {@code list_1}.
     */
    private static void readableId(Operation operation, HandlerMethod handler) {
        io.swagger.v3.oas.annotations.Operation declared = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), io.swagger.v3.oas.annotations.Operation.class);
        if (declared != null && !declared.operationId().isBlank()) return;
        String owner = handler.getBeanType().getSimpleName().replaceAll("(Api|Controller|Resource)$", "");
        operation.setOperationId(handler.getMethod().getName() + owner);
    }

    /**
     * A query parameter flattened from a {@code @ParameterObject} takes the description a
     * method-level {@code @Parameter(name = ...)} gives it (springdoc does not merge them).
     */
    private static void describeFromMethod(List<Parameter> parameters, HandlerMethod handler) {
        for (io.swagger.v3.oas.annotations.Parameter doc : handler.getMethod().getAnnotationsByType(io.swagger.v3.oas.annotations.Parameter.class)) {
            for (Parameter p : parameters) {
                if (p.getName().equals(doc.name()) && (p.getDescription() == null || p.getDescription().isBlank()) && !doc.description().isBlank()) {
                    p.setDescription(doc.description());
                }
            }
        }
    }

    private static boolean annotated(HandlerMethod handler, Class<? extends Annotation> a) {
        return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), a) || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), a);
    }

    private static Set<RequestMethod> methods(HandlerMethod handler) {
        RequestMapping m = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        Set<RequestMethod> out = new LinkedHashSet<>();
        if (m != null) out.addAll(List.of(m.method()));
        if (out.isEmpty()) out.add(RequestMethod.GET);
        return out;
    }
}
