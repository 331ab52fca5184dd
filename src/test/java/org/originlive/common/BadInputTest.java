package org.originlive.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;

/**
 * Control characters, bidi overrides and oversize bodies get a 4xx problem+json everywhere,
 * never a 5xx. The write endpoints are read from the served OpenAPI document, so a new endpoint
 * is covered without being listed here.
 */
@QuarkusTest
class BadInputTest {

    private static final String NUL = "ab\u0000cd";
    private static final String RTL = "abc\u202Edef";

    private record WriteEndpoint(String method, String path, Map<String, Object> schema) {}

    @Test
    void everyWriteEndpointRefusesControlCharactersAndOversizeBodiesWithA4xxProblem() {
        JsonPath openapi = JsonPath.from(anonymous()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        List<WriteEndpoint> endpoints = writeEndpoints(openapi);
        assertThat(endpoints).hasSizeGreaterThan(10);
        String coop = Api.cooperative();
        List<String> callers = List.of(Api.admin(), Api.consumer(), Api.host(), Api.cooperativeStaff(coop));
        String oversize = "x".repeat(70 * 1024);
        for (WriteEndpoint endpoint : endpoints) {
            boolean[] hasText = {false};
            Object body = sample(openapi, endpoint.schema(), hasText, 0);
            List<Integer> statuses = new ArrayList<>();
            for (String token : callers) {
                Response response = as(token).body(body).request(endpoint.method(), endpoint.path());
                statuses.add(response.statusCode());
                assertProblem(endpoint + " with NUL text", response);
            }
            if (hasText[0]) {
                assertThat(statuses)
                        .as(endpoint + " refuses its text for some role")
                        .contains(422);
            }
            Response big = as(callers.get(0)).body(Map.of("big", oversize)).request(endpoint.method(), endpoint.path());
            assertThat(big.statusCode()).as(endpoint + " with 70 KiB").isEqualTo(413);
            assertProblem(endpoint + " oversize", big);
        }
    }

    @Test
    void aNulInADisplayNameIsA422NamingTheFieldNotA500() {
        anonymous()
                .body(Map.of("email", Api.unique("nul") + "@example.com", "password", Api.PASSWORD, "displayName", NUL))
                .post("/api/auth/register")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://originlive.org/problems/validation"))
                .body("violations[0].field", equalTo("displayName"));
    }

    @Test
    void descriptionsMayHoldNewlinesButNamesMayNotAndNeitherTakesBidiOverrides() {
        String coop = Api.cooperative();
        String admin = Api.admin();
        Map<String, Object> product = new HashMap<>(Api.productBody(Api.unique("SKU"), 100, 1));
        product.put("description", "Washed Sidama.\n\tNotes: bergamot, jasmine.");
        as(admin)
                .body(product)
                .post("/api/cooperatives/" + coop + "/products")
                .then()
                .statusCode(201);
        for (Map.Entry<String, String> bad : List.of(
                Map.entry("name", "two\nlines"),
                Map.entry("name", RTL),
                Map.entry("description", "bell\u0007"),
                Map.entry("description", "isolate\u2066x"),
                Map.entry("unit", "\r"))) {
            Map<String, Object> body = new HashMap<>(Api.productBody(Api.unique("SKU"), 100, 1));
            body.put(bad.getKey(), bad.getValue());
            as(admin)
                    .body(body)
                    .post("/api/cooperatives/" + coop + "/products")
                    .then()
                    .statusCode(422)
                    .body("violations[0].field", equalTo(bad.getKey()));
        }
    }

    @Test
    void nestedTextSuchAsAShippingAddressIsCheckedToo() {
        Map<String, Object> address = new HashMap<>(Api.address());
        address.put("city", RTL);
        as(Api.consumer())
                .header("Idempotency-Key", Api.unique("k"))
                .body(Map.of(
                        "items",
                        List.of(Map.of("productId", UUID.randomUUID().toString(), "quantity", 1)),
                        "shippingAddress",
                        address))
                .post("/api/orders")
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("shippingAddress.city"));
    }

    @Test
    void controlCharactersInPathAndQueryParametersAre400() {
        anonymous()
                .urlEncodingEnabled(false)
                .get("/api/products?q=ab%00cd")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", startsWith("Parameter 'q'"));
        anonymous()
                .urlEncodingEnabled(false)
                .get("/api/storefronts/ab%E2%80%AEcd")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as(Api.consumer())
                .header("Idempotency-Key", "key with spaces")
                .body(Map.of(
                        "items",
                        List.of(Map.of("productId", UUID.randomUUID().toString(), "quantity", 1)),
                        "shippingAddress",
                        Api.address()))
                .post("/api/orders")
                .then()
                .statusCode(400);
    }

    @Test
    void aBodyOverTheLimitIs413BeforeAnyParsing() {
        anonymous()
                .body("{\"email\":\"" + "a".repeat(65 * 1024) + "\"}")
                .post("/api/auth/register")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://originlive.org/problems/payload-too-large"));
    }

    private static void assertProblem(String what, Response response) {
        assertThat(response.statusCode()).as(what + ": " + response.asString()).isBetween(400, 499);
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
    }

    @SuppressWarnings("unchecked")
    private static List<WriteEndpoint> writeEndpoints(JsonPath openapi) {
        List<WriteEndpoint> endpoints = new ArrayList<>();
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, op) -> {
            if (!List.of("post", "put", "patch").contains(method)) {
                return;
            }
            Map<String, Object> body = (Map<String, Object>) ((Map<String, Object>) op).get("requestBody");
            if (body == null) {
                return;
            }
            Map<String, Object> content = (Map<String, Object>) body.get("content");
            Map<String, Object> json = (Map<String, Object>) content.get("application/json");
            if (json == null) {
                return;
            }
            String concrete = path.replaceAll("\\{[^}]*slug[^}]*}", "no-such-slug")
                    .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            endpoints.add(new WriteEndpoint(method.toUpperCase(), concrete, (Map<String, Object>) json.get("schema")));
        }));
        return endpoints;
    }

    /** A value of the schema's shape whose every free-text string holds a NUL. */
    @SuppressWarnings("unchecked")
    private static Object sample(JsonPath openapi, Map<String, Object> schema, boolean[] hasText, int depth) {
        if (schema == null || depth > 6) {
            return null;
        }
        if (schema.containsKey("$ref")) {
            String name = ((String) schema.get("$ref")).substring("#/components/schemas/".length());
            return sample(openapi, openapi.getMap("components.schemas.'" + name + "'"), hasText, depth + 1);
        }
        if (schema.containsKey("allOf")) {
            return sample(openapi, ((List<Map<String, Object>>) schema.get("allOf")).get(0), hasText, depth + 1);
        }
        if (schema.containsKey("enum")) {
            return ((List<Object>) schema.get("enum")).get(0);
        }
        String type = String.valueOf(schema.get("type"));
        String format = String.valueOf(schema.get("format"));
        switch (type) {
            case "string" -> {
                return switch (format) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "date-time" -> Instant.now().plusSeconds(3600).toString();
                    case "date" -> "2030-01-01";
                    default -> {
                        hasText[0] = true;
                        yield NUL;
                    }
                };
            }
            case "integer", "number" -> {
                return 1;
            }
            case "boolean" -> {
                return true;
            }
            case "array" -> {
                return List.of(sample(openapi, (Map<String, Object>) schema.get("items"), hasText, depth + 1));
            }
            default -> {
                Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
                Map<String, Object> object = new LinkedHashMap<>();
                if (properties != null) {
                    properties.forEach((name, property) ->
                            object.put(name, sample(openapi, (Map<String, Object>) property, hasText, depth + 1)));
                }
                return object;
            }
        }
    }
}
