package org.originlive.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;

/** Storefront orders bought from an ENDED sale's replay: their {@code source}, its checks, the sale's stats. */
@QuarkusTest
class ReplayOrderTest {

    private static final String VALIDATION = "https://originlive.org/problems/validation";
    private static final String BAD_REQUEST = "https://originlive.org/problems/bad-request";

    /** A storefront order body of one unit of each product, with {@code source} as given (absent when null). */
    private static Map<String, Object> body(Object source, String... products) {
        Map<String, Object> body = new HashMap<>();
        body.put(
                "items",
                java.util.Arrays.stream(products)
                        .map(p -> Map.of("productId", p, "quantity", 1))
                        .toList());
        body.put("shippingAddress", Api.address());
        if (source != null) {
            body.put("source", source);
        }
        return body;
    }

    private static Map<String, Object> source(String saleId, Object atSeconds) {
        return Map.of("saleId", saleId, "atSeconds", atSeconds);
    }

    private static Response order(String buyer, String key, Map<String, Object> body) {
        return as(buyer).header("Idempotency-Key", key).body(body).post("/api/orders");
    }

    private static String endedSale(String host, String product) {
        String sale = Api.liveSale(host, product, 10, 5);
        as(host).post("/api/sales/" + sale + "/end").then().statusCode(200).body("status", equalTo("ENDED"));
        return sale;
    }

    private static void pay(String buyer, String order) {
        as(buyer)
                .body(Map.of("method", "sandbox"))
                .post("/api/orders/" + order + "/pay")
                .then()
                .statusCode(200)
                .body("status", equalTo("PAID"));
    }

    private static JsonPath stats(String host, String sale) {
        return as(host).get("/api/sales/" + sale + "/stats")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static double atSeconds(Response response) {
        return response.then()
                .extract()
                .jsonPath(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE))
                .getDouble("source.atSeconds");
    }

    @Test
    void aReplayOrderCarriesItsSourceAtTheStorefrontPriceAndCountsOnlyAsAReplayOrder() {
        String host = Api.host();
        String product = Api.product(Api.cooperative(), 5900, 100);
        String sale = Api.liveSale(host, product, 10, 5);
        String liveBuyer = Api.consumer();
        String live = Api.orderFromSale(liveBuyer, sale, Api.firstItem(sale), 2)
                .then()
                .statusCode(201)
                .body("containsKey('source')", equalTo(true))
                .body("source", nullValue())
                .extract()
                .path("id");
        pay(liveBuyer, live);
        as(host).post("/api/sales/" + sale + "/end").then().statusCode(200);

        String buyer = Api.consumer();
        Response placed = order(buyer, "replay-1", body(source(sale, 754.25), product));
        String id = placed.then()
                .statusCode(201)
                .body("source.saleId", equalTo(sale))
                .body("saleId", nullValue())
                .body("totalMinor", equalTo(5900))
                .body("lines[0].unitPriceMinor", equalTo(5900))
                .body("lines[0].itemId", nullValue())
                .extract()
                .path("id");
        assertThat(atSeconds(placed)).isEqualTo(754.25);
        assertThat(atSeconds(as(buyer).get("/api/orders/" + id))).isEqualTo(754.25);
        as(buyer).get("/api/orders").then().statusCode(200).body("items[0].source.saleId", equalTo(sale));
        assertThat(stats(host, sale).getLong("replayOrders"))
                .as("a RESERVED order")
                .isZero();

        pay(buyer, id);
        JsonPath numbers = stats(host, sale);
        assertThat(numbers.getLong("replayOrders")).isEqualTo(1);
        assertThat(numbers.getLong("replayViews")).isZero();
        assertThat(numbers.getLong("orders")).as("live orders only").isEqualTo(1);
        assertThat(numbers.getLong("unitsSold")).isEqualTo(2);
        assertThat(numbers.getLong("grossMinor")).isEqualTo(2 * 4900);
        assertThat(numbers.getLong("ordersLastMinute")).isEqualTo(1);
    }

    @Test
    void aCancelledReplayOrderCountsNoMore() {
        String host = Api.host();
        String product = Api.product(Api.cooperative(), 800, 100);
        String sale = endedSale(host, product);
        String buyer = Api.consumer();
        String id = order(buyer, "replay-1", body(source(sale, 3), product))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        pay(buyer, id);
        assertThat(stats(host, sale).getLong("replayOrders")).isEqualTo(1);
        as(buyer).post("/api/orders/" + id + "/cancel").then().statusCode(200);
        assertThat(stats(host, sale).getLong("replayOrders")).isZero();
        assertThat(stats(host, sale).getLong("orders")).isZero();
    }

    @Test
    void theSameKeyReturnsTheSameOrderWithItsSourceAndAnotherSourceIsAMismatch() {
        String product = Api.product(Api.cooperative(), 1200, 100);
        String sale = endedSale(Api.host(), product);
        String buyer = Api.consumer();
        // Kept to the millisecond, as stored: the answer shows what a later read will.
        Map<String, Object> body = body(source(sale, 12.3456), product);
        Response first = order(buyer, "same", body);
        String id = first.then().statusCode(201).extract().path("id");
        assertThat(atSeconds(first)).isEqualTo(12.346);
        Response again = order(buyer, "same", body);
        again.then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id))
                .body("source.saleId", equalTo(sale));
        assertThat(atSeconds(again)).isEqualTo(12.346);
        order(buyer, "same", body(source(sale, 13), product))
                .then()
                .statusCode(422)
                .body("type", equalTo("https://originlive.org/problems/idempotency-mismatch"));
        order(buyer, "same", body(null, product)).then().statusCode(422);
        assertThat(Api.stock(product)).isEqualTo(99);
    }

    @Test
    void theSourceMustBeAnEndedSaleThatFeaturedEveryProductOfTheOrder() {
        String host = Api.host();
        String cooperative = Api.cooperative();
        String featured = Api.product(cooperative, 500, 100);
        String other = Api.product(cooperative, 700, 100);
        String buyer = Api.consumer();

        String live = Api.liveSale(host, featured, 10, 5);
        order(buyer, "live", body(source(live, 5), featured))
                .then()
                .statusCode(422)
                .body("type", equalTo(VALIDATION))
                .body("violations[0].field", equalTo("source.saleId"))
                .body("detail", containsString("ENDED"));
        String scheduled = Api.scheduledSale(host, featured, 10, 5);
        order(buyer, "scheduled", body(source(scheduled, 5), featured))
                .then()
                .statusCode(422)
                .body("detail", containsString("SCHEDULED"));
        order(buyer, "unknown", body(source(UUID.randomUUID().toString(), 5), featured))
                .then()
                .statusCode(422)
                .body("type", equalTo(VALIDATION))
                .body("detail", containsString("no such sale"));

        String ended = endedSale(host, featured);
        order(buyer, "other", body(source(ended, 5), other))
                .then()
                .statusCode(422)
                .body("type", equalTo(VALIDATION))
                .body("detail", containsString(other));
        // Every product of the order must have been featured, not just one of them.
        order(buyer, "mixed", body(source(ended, 5), featured, other))
                .then()
                .statusCode(422)
                .body("detail", containsString(other));
        int featuredStock = Api.stock(featured);
        assertThat(Api.stock(other)).isEqualTo(100);
        order(buyer, "fine", body(source(ended, 5), featured)).then().statusCode(201);
        assertThat(Api.stock(featured)).isEqualTo(featuredStock - 1);
    }

    @Test
    void badSourcesAreRejectedBeforeAnythingIsTaken() {
        String product = Api.product(Api.cooperative(), 500, 100);
        String sale = endedSale(Api.host(), product);
        String buyer = Api.consumer();
        Map<String, Map<String, Object>> invalid = Map.of(
                "no sale", Map.of("atSeconds", 5),
                "no position", Map.of("saleId", sale),
                "negative", source(sale, -0.5),
                "over seven days", source(sale, 604_800.5),
                "infinite", source(sale, new java.math.BigDecimal("1e400")));
        invalid.forEach((what, source) -> order(buyer, "invalid-" + what.replace(' ', '-'), body(source, product))
                .then()
                .statusCode(422)
                .body("type", equalTo(VALIDATION)));
        List<Object> malformed = List.of(
                source(sale, "12"),
                source("not-a-uuid", 12),
                "a string",
                Map.of("saleId", sale, "atSeconds", 1, "itemId", sale));
        for (int i = 0; i < malformed.size(); i++) {
            order(buyer, "malformed-" + i, body(malformed.get(i), product))
                    .then()
                    .statusCode(400)
                    .body("type", equalTo(BAD_REQUEST));
        }
        order(buyer, "edge", body(source(sale, 604_800), product)).then().statusCode(201);
        assertThat(Api.stock(product)).isEqualTo(99);
    }
}
