package org.originlive.support;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Checks every API response a test receives against the served OpenAPI document: the status is one
 * the operation documents, and a JSON body matches the documented schema (JSON Schema 2020-12, as
 * OpenAPI 3.1 says). A mismatch fails the test: the document or the code is wrong. Installed once
 * per JVM by {@link Api}.
 */
public final class Contract implements OrderedFilter {

    private static final String DOCUMENT = "https://originlive.test/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Contract INSTANCE = new Contract();
    private static volatile boolean installed;

    private volatile Spec spec;

    private record Route(String template, Pattern pattern, int parameters, JsonNode item) {}

    private record Spec(JsonNode document, List<Route> routes, SchemaRegistry registry, Map<String, Schema> schemas) {}

    private Contract() {}

    /** Adds the check to every REST Assured request of this JVM (idempotent). */
    public static synchronized void install() {
        if (!installed) {
            RestAssured.filters(INSTANCE);
            installed = true;
        }
    }

    @Override
    public int getOrder() {
        return OrderedFilter.HIGHEST_PRECEDENCE;
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        Response answer = context.next(request, response);
        URI uri = URI.create(request.getURI());
        // A refused cross-origin call is the CORS layer's answer (before any operation), not the API's.
        boolean crossOrigin = request.getHeaders().hasHeaderWithName("Origin");
        if (uri.getPath().startsWith("/api/") && !crossOrigin) {
            String problem = INSTANCE.problem(
                    uri, request.getMethod(), answer.statusCode(), answer.getContentType(), answer.asString());
            if (problem != null) {
                throw new AssertionError(problem);
            }
        }
        return answer;
    }

    /** What is wrong with this answer by the served document (read from the same server), or null. */
    public static String check(URI uri, String method, int statusCode, String contentType, String body) {
        return INSTANCE.problem(uri, method, statusCode, contentType, body);
    }

    private String problem(URI uri, String httpMethod, int statusCode, String contentType, String body) {
        String method = httpMethod.toLowerCase();
        Spec s = spec(uri);
        Route route = s.routes().stream()
                .filter(r -> r.pattern().matcher(uri.getPath()).matches())
                .min(Comparator.comparingInt(Route::parameters))
                .orElse(null);
        if (route == null || !route.item().has(method)) {
            return null; // an unknown route or method: the router's 404/405, not an operation's answer
        }
        String where = method.toUpperCase() + " " + route.template();
        JsonNode responses = route.item().get(method).get("responses");
        String status = String.valueOf(statusCode);
        JsonNode documented = responses.has(status) ? responses.get(status) : responses.get("default");
        if (documented == null) {
            return where + " answered " + status + ", which the OpenAPI document does not list (" + names(responses)
                    + "); body: " + body;
        }
        if (contentType == null || contentType.isBlank() || body.isEmpty()) {
            return null;
        }
        String mediaType = contentType.split(";")[0].trim();
        if (!mediaType.endsWith("json")) {
            return null;
        }
        JsonNode content = documented.path("content");
        if (!content.has(mediaType)) {
            return where + " " + status + " answered " + mediaType + ", the document says " + names(content)
                    + "; body: " + body;
        }
        if (!content.get(mediaType).has("schema")) {
            return null;
        }
        String key = where + " " + status + " " + mediaType;
        JsonNode documentedSchema = content.get(mediaType).get("schema");
        Schema schema = s.schemas().computeIfAbsent(key, k -> schema(s.registry(), documentedSchema));
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (RuntimeException e) {
            return where + " " + status + " answered " + mediaType + " that is not JSON: " + body;
        }
        List<Error> errors = schema.validate(json);
        return errors.isEmpty()
                ? null
                : where + " " + status + " does not match the OpenAPI document: " + errors + "; body: " + body;
    }

    private Spec spec(URI uri) {
        Spec current = spec;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (spec == null) {
                spec = load(uri);
            }
            return spec;
        }
    }

    // Read with a plain client so that this filter does not see its own request.
    private static Spec load(URI uri) {
        try {
            URI address =
                    new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), "/q/openapi", "format=json", null);
            String text = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(address).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            JsonNode document = JSON.readTree(text);
            List<Route> routes = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            document.get("paths").properties().iterator();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                String template = path.getKey();
                String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
                int parameters = template.split("\\{", -1).length - 1;
                routes.add(new Route(template, Pattern.compile(regex), parameters, path.getValue()));
            }
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                    SpecificationVersion.DRAFT_2020_12, builder -> builder.schemas(Map.of(DOCUMENT, text)));
            return new Spec(document, routes, registry, new ConcurrentHashMap<>());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the OpenAPI document from " + uri, e);
        }
    }

    // The operation's schema refers to the document's components; make those refs absolute.
    private static Schema schema(SchemaRegistry registry, JsonNode documented) {
        String text = JSON.writeValueAsString(documented).replace("\"#/components/", "\"" + DOCUMENT + "#/components/");
        return registry.getSchema(
                SchemaLocation.of("https://originlive.test/responses/" + Integer.toHexString(text.hashCode())),
                JSON.readTree(text));
    }

    private static String names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return String.join(", ", names);
    }
}
