package org.originlive.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originlive.support.Api.anonymous;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.ws.rs.HttpMethod;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.originlive.ratelimit.RateLimited;
import org.originlive.support.Api;
import org.originlive.support.Contract;

/**
 * The served OpenAPI document describes every operation well enough to generate a client from it.
 * It also writes the document to target/openapi.json for the linters (scripts/lint-openapi.sh).
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static JsonNode document;

    private record Op(String method, String path, JsonNode node) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    /** Read once per class, on first use (the app and its port exist only once a test runs). */
    private static synchronized JsonNode document() throws IOException {
        if (document != null) {
            return document;
        }
        String json = anonymous()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi.json"), json);
        document = new ObjectMapper().readTree(json);
        return document;
    }

    private static List<Op> operations() throws IOException {
        List<Op> ops = new ArrayList<>();
        document().get("paths").fields().forEachRemaining(path -> path.getValue()
                .fields()
                .forEachRemaining(op -> {
                    if (METHODS.contains(op.getKey())) {
                        ops.add(new Op(op.getKey(), path.getKey(), op.getValue()));
                    }
                }));
        return ops;
    }

    @Test
    void everyOperationHasAnIdSummaryTagSecurityAndDocumentedAnswers() throws IOException {
        List<Op> ops = operations();
        assertThat(ops).hasSizeGreaterThan(30);
        Set<String> ids = new HashSet<>();
        for (Op op : ops) {
            JsonNode node = op.node();
            assertThat(node.path("operationId").asText())
                    .as(op + " operationId")
                    .isNotBlank();
            assertThat(ids.add(node.get("operationId").asText()))
                    .as(op + " operationId is unique")
                    .isTrue();
            assertThat(node.path("summary").asText()).as(op + " summary").isNotBlank();
            assertThat(node.path("tags").size()).as(op + " tag").isPositive();
            assertThat(node.has("security")).as(op + " declares its security").isTrue();
            JsonNode responses = node.get("responses");
            List<String> statuses = new ArrayList<>();
            responses.fieldNames().forEachRemaining(statuses::add);
            // The media engine's publish callback accepts with a redirect (it renames the stream).
            assertThat(statuses).as(op + " success status").anyMatch(s -> s.startsWith("2") || s.startsWith("3"));
            assertThat(statuses).as(op + " 400 and 503").contains("400", "503");
            boolean secured = !node.get("security").isEmpty();
            if (secured) {
                assertThat(statuses).as(op + " is secured: 401").contains("401");
            }
            if (op.path().contains("{")) {
                assertThat(statuses).as(op + " has an id: 404").contains("404");
            }
            if (node.has("requestBody")) {
                assertThat(statuses).as(op + " has a body").contains("413", "422");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> response = it.next();
                // Providers' callbacks answer in the provider's own format (documented as such).
                boolean providersFormat = op.path().startsWith("/api/payments/callbacks/")
                        && !response.getValue().path("content").has("application/problem+json")
                        && response.getValue().path("content").size() > 0;
                if ((response.getKey().startsWith("4") || response.getKey().startsWith("5")) && !providersFormat) {
                    assertThat(response.getValue()
                                    .path("content")
                                    .path("application/problem+json")
                                    .path("schema")
                                    .path("$ref")
                                    .asText())
                            .as(op + " " + response.getKey() + " is a problem")
                            .isEqualTo("#/components/schemas/Problem");
                }
                if (response.getKey().equals("429") || response.getKey().equals("503")) {
                    assertThat(response.getValue().path("headers").has("Retry-After"))
                            .as(op + " " + response.getKey() + " Retry-After")
                            .isTrue();
                }
            }
        }
    }

    @Test
    void everyRateLimitedEndpointDocumentsItsLimit() throws IOException {
        Set<String> limited = new HashSet<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.originlive")) {
            for (JavaMethod method : type.getMethods()) {
                if (method.isAnnotatedWith(RateLimited.class)) {
                    limited.add(httpMethod(method) + " " + path(type, method));
                }
            }
        }
        assertThat(limited).isNotEmpty();
        for (Op op : operations()) {
            boolean documents = op.node().path("responses").has("429");
            if (limited.contains(op.toString())) {
                assertThat(documents).as(op + " documents 429").isTrue();
                assertThat(op.node().at("/responses/429/headers").has("RateLimit-Limit"))
                        .as(op + " RateLimit headers")
                        .isTrue();
                limited.remove(op.toString());
            }
        }
        assertThat(limited)
                .as("rate-limited endpoints missing from the document")
                .isEmpty();
    }

    @Test
    void publicOperationsSayNoTokenIsNeededAndTheSchemeIsBearerJwt() throws IOException {
        assertThat(document().at("/components/securitySchemes/bearer/scheme").asText())
                .isEqualTo("bearer");
        assertThat(document()
                        .at("/components/securitySchemes/bearer/bearerFormat")
                        .asText())
                .isEqualTo("JWT");
        assertThat(operations())
                .filteredOn(op -> op.path().equals("/api/auth/login"))
                .singleElement()
                .satisfies(op -> assertThat(op.node().get("security")).isEmpty());
        assertThat(operations())
                .filteredOn(op -> op.path().equals("/api/sales") && op.method().equals("post"))
                .singleElement()
                .satisfies(op -> {
                    assertThat(op.node().at("/security/0").has("bearer")).isTrue();
                    assertThat(op.node().at("/responses").has("201")).isTrue();
                });
        // The payment providers cannot hold a token: their callbacks are public and say why.
        assertThat(operations())
                .filteredOn(op -> op.path().startsWith("/api/payments/callbacks/"))
                .hasSize(2)
                .allSatisfy(op -> {
                    assertThat(op.node().get("security")).isEmpty();
                    assertThat(op.node().path("summary").asText())
                            .contains("no bearer token")
                            .containsPattern("signs|signed");
                });
        assertThat(document().path("servers")).isNotEmpty();
    }

    @Test
    void theResponseCheckCatchesAnUndocumentedStatusAndAWrongBody() {
        String host = Api.host();
        String sale = Api.scheduledSale(host, Api.product(Api.cooperative(), 4900, 10), 5, 2);
        io.restassured.response.Response real = anonymous().get("/api/sales/" + sale);
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/sales/" + sale);
        assertThat(Contract.check(uri, "GET", 200, "application/json", real.asString()))
                .as("a real sale (its pinnedItemId is null)")
                .isNull();
        assertThat(Contract.check(uri, "GET", 200, "application/json", "{\"id\":5,\"items\":\"none\"}"))
                .contains("does not match");
        assertThat(Contract.check(uri, "GET", 201, "application/json", real.asString()))
                .contains("does not list");
        assertThat(Contract.check(uri, "GET", 404, "application/json", "{}"))
                .as("errors are problem+json")
                .contains("application/problem+json");
        assertThat(Contract.check(uri, "GET", 404, "application/problem+json", "{\"type\":1}"))
                .contains("does not match");
    }

    private static String httpMethod(JavaMethod method) {
        for (var annotation : method.getAnnotations()) {
            if (annotation.getRawType().isAnnotatedWith(HttpMethod.class)) {
                return annotation.getRawType().getSimpleName();
            }
        }
        throw new IllegalStateException(method.getFullName() + " has no HTTP method");
    }

    private static String path(JavaClass type, JavaMethod method) {
        String base = type.tryGetAnnotationOfType(jakarta.ws.rs.Path.class)
                .map(jakarta.ws.rs.Path::value)
                .orElse("");
        String tail = method.tryGetAnnotationOfType(jakarta.ws.rs.Path.class)
                .map(jakarta.ws.rs.Path::value)
                .orElse("");
        String joined = (base + "/" + tail).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
