package org.originlive.openapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.originlive.common.PageRequest;
import org.originlive.common.Problem;

/**
 * Adds to every operation of the served document what the app does for every endpoint, so a new
 * endpoint is described truthfully without per-endpoint work: problem+json error responses (400
 * always; 401/403 when secured; 404 with path parameters; 413/415/422 with a body; 503 with
 * Retry-After), the bearer security (roles moved into the description, {@code security: []} when
 * public), a stable operationId, the rate-limit headers of operations that declare a 429, integer
 * bounds implied by Java's int and long, the paging parameters and the server. What only one
 * endpoint answers (201, 409, 429 ...) stays in its resource's annotations; this fills their bodies.
 */
public class ApiDocumentFilter implements OASFilter {

    static final String SCHEME = "bearer";
    static final String PROBLEM = "Problem";
    private static final String HEADERS = "#/components/headers/";
    private static final List<String> RATE_HEADERS =
            List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy");

    private static final Map<String, String> GENERIC = Map.of(
            "400", "Malformed JSON, a bad parameter or a value of the wrong type",
            "401", "Missing, expired or forged bearer token",
            "403", "The caller's role, tenant or ownership does not allow this",
            "404", "No such resource",
            "413", "The request body is over the endpoint's limit (64 KiB)",
            "415", "The body is not application/json",
            "422", "Well-formed but invalid; violations name the fields",
            "429", "Rate limited: retry after Retry-After seconds",
            "503", "A dependency such as the database is unavailable; retry after Retry-After seconds");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components =
                openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema(PROBLEM, problemSchema());
        addHeaders(components);
        if (openAPI.getServers() == null || openAPI.getServers().isEmpty()) {
            openAPI.addServer(OASFactory.createServer()
                    .url("/")
                    .description("The deployment that serves this document (production, staging or local)")
                    .addExtension("x-internal", false));
        }
        Set<String> ids = new LinkedHashSet<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (Map.Entry<String, PathItem> path :
                    openAPI.getPaths().getPathItems().entrySet()) {
                for (Map.Entry<PathItem.HttpMethod, Operation> op :
                        path.getValue().getOperations().entrySet()) {
                    complete(path.getKey(), op.getValue(), ids);
                }
            }
        }
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(ApiDocumentFilter::boundIntegers);
        }
    }

    private void complete(String path, Operation op, Set<String> ids) {
        op.setOperationId(operationId(op.getOperationId()));
        if (op.getOperationId() != null && !ids.add(op.getOperationId())) {
            throw new IllegalStateException("Duplicate operationId " + op.getOperationId() + " at " + path);
        }
        List<String> roles = new ArrayList<>();
        boolean secured = secure(op, roles);
        String access = !secured
                ? "Public: no token needed."
                : roles.isEmpty() ? "Any signed-in account." : "Roles: " + String.join(", ", roles) + ".";
        op.setDescription(op.getDescription() == null ? access : op.getDescription() + "\n\n" + access);
        if (op.getParameters() != null) {
            op.getParameters().forEach(ApiDocumentFilter::describeParameter);
        }
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        op.setResponses(responses);
        boolean body = op.getRequestBody() != null;
        expect(responses, "400", true);
        expect(responses, "401", secured);
        expect(responses, "403", secured && !roles.isEmpty());
        expect(responses, "404", path.contains("{"));
        expect(responses, "413", body);
        expect(responses, "415", body);
        expect(responses, "422", body);
        expect(responses, "503", true);
        boolean limited = responses.hasAPIResponse("429");
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            String status = entry.getKey();
            APIResponse response = entry.getValue();
            if (status.startsWith("4") || status.startsWith("5")) {
                problem(status, response);
            }
            if (limited && (status.startsWith("2") || status.equals("429"))) {
                RATE_HEADERS.forEach(h -> response.addHeader(h, header(h)));
            }
        }
        walk(op);
    }

    /** Moves the roles out of the requirement (bearer scopes must be empty) into the description. */
    private static boolean secure(Operation op, List<String> roles) {
        List<SecurityRequirement> security = op.getSecurity();
        if (security == null || security.isEmpty()) {
            op.setSecurity(new ArrayList<>());
            return false;
        }
        for (SecurityRequirement requirement : security) {
            requirement.getSchemes().values().forEach(roles::addAll);
        }
        op.setSecurity(
                new ArrayList<>(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME))));
        return true;
    }

    /** {@code SaleResource_create} (the CLASS_METHOD strategy) becomes {@code saleCreate}. */
    static String operationId(String generated) {
        if (generated == null) {
            return null;
        }
        int separator = generated.indexOf('_');
        if (separator < 0) {
            return generated;
        }
        String type = generated.substring(0, separator).replaceFirst("Resource$", "");
        String method = generated.substring(separator + 1);
        return Character.toLowerCase(type.charAt(0))
                + type.substring(1)
                + Character.toUpperCase(method.charAt(0))
                + method.substring(1);
    }

    private static void expect(APIResponses responses, String status, boolean applies) {
        if (applies && !responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(GENERIC.get(status)));
        }
    }

    private static void problem(String status, APIResponse response) {
        if (response.getDescription() == null
                || response.getDescription().isBlank()
                || response.getDescription().equals("Not Authorized")
                || response.getDescription().equals("Not Allowed")
                || response.getDescription().equals("Bad Request")) {
            response.setDescription(GENERIC.getOrDefault(status, "Problem"));
        }
        response.setContent(OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM))));
        if (status.equals("429") || status.equals("503")) {
            response.addHeader("Retry-After", header("Retry-After"));
        }
        if (status.equals("401")) {
            response.addHeader("WWW-Authenticate", header("WWW-Authenticate"));
        }
    }

    private static Header header(String name) {
        return OASFactory.createHeader().ref(HEADERS + name);
    }

    /**
     * The paging parameters are parsed from text, but clients send integers within these bounds;
     * the shared text parameters get the limits the code holds them to.
     */
    private static void describeParameter(Parameter parameter) {
        if (parameter.getSchema() == null) {
            return;
        }
        boundText(parameter);
        if (parameter.getIn() != Parameter.In.QUERY) {
            return;
        }
        if ("page".equals(parameter.getName())) {
            parameter.setSchema(integer(0, Integer.MAX_VALUE).defaultValue(0));
            parameter.setDescription("Zero-based page number");
        } else if ("size".equals(parameter.getName())) {
            parameter.setSchema(integer(1, PageRequest.MAX_SIZE).defaultValue(20));
            parameter.setDescription("Page size");
        }
    }

    /** Text parameters every feature shares: language tags, keys, currency codes, provider names, search. */
    private static void boundText(Parameter parameter) {
        Schema schema = parameter.getSchema();
        boolean text = schema.getType() != null && schema.getType().contains(Schema.SchemaType.STRING);
        if (!text || schema.getMaxLength() != null || schema.getEnumeration() != null || schema.getFormat() != null) {
            return;
        }
        switch (parameter.getName()) {
                // A BCP 47 tag; a read with an unknown or malformed one serves the source text.
            case "lang" -> schema.pattern("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8}){0,4}")
                    .maxLength(44);
                // Longer headers are ignored as malformed (the source text is served).
            case "Accept-Language" -> schema.maxLength(org.originlive.i18n.Languages.ACCEPT_LANGUAGE_MAX);
            case "Idempotency-Key" -> schema.pattern("[!-~]{1,64}").minLength(1).maxLength(64);
            case "from", "to" -> schema.pattern("[A-Z]{3}").maxLength(3);
            case "provider" -> schema.pattern("[A-Z_]{1,20}").maxLength(20);
            case "q" -> schema.maxLength(200);
            default -> {}
        }
    }

    private static Schema integer(long min, long max) {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.INTEGER)
                .format("int32")
                .minimum(BigDecimal.valueOf(min))
                .maximum(BigDecimal.valueOf(max));
    }

    private static void walk(Operation op) {
        if (op.getParameters() != null) {
            op.getParameters().forEach(p -> boundIntegers(p.getSchema()));
        }
        if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
            op.getRequestBody().getContent().getMediaTypes().values().forEach(m -> boundIntegers(m.getSchema()));
        }
        op.getResponses().getAPIResponses().values().forEach(r -> {
            if (r.getContent() != null) {
                r.getContent().getMediaTypes().values().forEach(m -> boundIntegers(m.getSchema()));
            }
        });
    }

    /**
     * A Java int or long cannot leave its range, and a string that must match a pattern of bounded
     * repeats cannot be longer than the pattern allows; an explicit constraint, where there is one, wins.
     */
    static void boundIntegers(Schema schema) {
        if (schema == null) {
            return;
        }
        if (schema.getPattern() != null && schema.getMaxLength() == null) {
            Integer longest = longestMatch(schema.getPattern());
            if (longest != null) {
                schema.setMaxLength(longest);
            }
        }
        List<Schema.SchemaType> types = schema.getType();
        if (types != null && types.contains(Schema.SchemaType.INTEGER)) {
            boolean wide = "int64".equals(schema.getFormat());
            if (schema.getFormat() == null) {
                schema.setFormat("int64");
                wide = true;
            }
            if (schema.getMinimum() == null && schema.getExclusiveMinimum() == null) {
                schema.setMinimum(BigDecimal.valueOf(wide ? Long.MIN_VALUE : Integer.MIN_VALUE));
            }
            if (schema.getMaximum() == null && schema.getExclusiveMaximum() == null) {
                schema.setMaximum(BigDecimal.valueOf(wide ? Long.MAX_VALUE : Integer.MAX_VALUE));
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ApiDocumentFilter::boundIntegers);
        }
        boundIntegers(schema.getItems());
        for (List<Schema> group :
                new ArrayList<>(java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()))) {
            if (group != null) {
                group.forEach(ApiDocumentFilter::boundIntegers);
            }
        }
    }

    /**
     * The longest text a (fully matched) pattern of literals, escapes and character classes with
     * {@code ?}, {@code {n}} or {@code {m,n}} repeats can match; null when unbounded or too complex.
     */
    static Integer longestMatch(String pattern) {
        String p = pattern.startsWith("^") ? pattern.substring(1) : pattern;
        p = p.endsWith("$") && !p.endsWith("\\$") ? p.substring(0, p.length() - 1) : p;
        int total = 0;
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '[') {
                int close = p.indexOf(']', i + 2);
                if (close < 0) {
                    return null;
                }
                i = close + 1;
            } else if (c == '\\') {
                i += 2;
            } else if ("()|*+{}.".indexOf(c) >= 0) {
                return null;
            } else {
                i++;
            }
            int repeat = 1;
            if (i < p.length() && p.charAt(i) == '?') {
                i++;
            } else if (i < p.length() && p.charAt(i) == '{') {
                int close = p.indexOf('}', i);
                if (close < 0) {
                    return null;
                }
                String[] bounds = p.substring(i + 1, close).split(",", -1);
                if (bounds.length > 2 || bounds[bounds.length - 1].isBlank()) {
                    return null;
                }
                repeat = Integer.parseInt(bounds[bounds.length - 1].trim());
                i = close + 1;
            } else if (i < p.length() && (p.charAt(i) == '*' || p.charAt(i) == '+')) {
                return null;
            }
            total += repeat;
        }
        return total;
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema violation = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addRequired("field")
                .addRequired("message")
                .addProperty(
                        "field",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("The request field, as named in the body or the parameters"))
                .addProperty("message", text);
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put(
                "type",
                OASFactory.createSchema()
                        .addType(Schema.SchemaType.STRING)
                        .format("uri")
                        .description("Stable: " + Problem.TYPE_BASE + "<slug>; clients may switch on the slug"));
        properties.put("title", text);
        properties.put("status", integer(400, 599));
        properties.put("detail", text);
        properties.put(
                "violations",
                OASFactory.createSchema()
                        .addType(Schema.SchemaType.ARRAY)
                        .items(violation)
                        .description("Validation failures only"));
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document")
                .properties(properties)
                .required(List.of("type", "title", "status", "detail"));
    }

    private static void addHeaders(Components components) {
        components.addHeader(
                "Retry-After",
                OASFactory.createHeader()
                        .description("Seconds to wait before retrying")
                        .schema(integer(0, Integer.MAX_VALUE)));
        components.addHeader(
                "RateLimit-Limit",
                OASFactory.createHeader()
                        .description("Requests allowed in the window")
                        .schema(integer(0, Integer.MAX_VALUE)));
        components.addHeader(
                "RateLimit-Remaining",
                OASFactory.createHeader()
                        .description("Requests left in the window")
                        .schema(integer(0, Integer.MAX_VALUE)));
        components.addHeader(
                "RateLimit-Reset",
                OASFactory.createHeader()
                        .description("Seconds until the window has room again")
                        .schema(integer(0, Integer.MAX_VALUE)));
        components.addHeader(
                "RateLimit-Policy",
                OASFactory.createHeader()
                        .description("The limit and its window, e.g. 10;w=60")
                        .schema(OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .pattern("[0-9]+;w=[0-9]+")
                                .maxLength(40)));
        components.addHeader(
                "WWW-Authenticate",
                OASFactory.createHeader()
                        .description("Always Bearer")
                        .schema(OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .constValue("Bearer")));
    }
}
