package org.originlive.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;

/** Payments through the SANDBOX provider: what a buyer's client sees, end to end. */
@QuarkusTest
class PaymentTest {

    static String reservedOrder(String buyer) {
        String product = Api.product(Api.cooperative(), 1250, 10);
        return as(buyer)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of(
                        "items",
                        List.of(Map.of("productId", product, "quantity", 2)),
                        "shippingAddress",
                        Api.address()))
                .post("/api/orders")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A refund's providerStatus as its buyer sees it. */
    static String providerStatus(String buyer, String order, String refund) {
        List<Map<String, Object>> items =
                as(buyer).get("/api/orders/" + order + "/refunds").path("items");
        return items.stream()
                .filter(r -> refund.equals(r.get("id")))
                .map(r -> (String) r.get("providerStatus"))
                .findFirst()
                .orElse(null);
    }

    static Response open(String buyer, String order, String key, Map<String, Object> body) {
        return as(buyer).header("Idempotency-Key", key).body(body).post("/api/orders/" + order + "/payments");
    }

    @Test
    void aSandboxPaymentOpensWithARedirectAndPaysTheOrderWhenTheBuyerPays() {
        String buyer = Api.consumer();
        String order = reservedOrder(buyer);
        String key = UUID.randomUUID().toString();
        Response opened = open(buyer, order, key, Map.of("provider", "SANDBOX", "channel", "PAGE"));
        opened.then()
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("amountMinor", equalTo(2500))
                .body("currency", equalTo("CNY"))
                .body("orderId", equalTo(order))
                .body("action.type", equalTo("REDIRECT"))
                .body("action.url", startsWith("/sandbox-pay.html?trade="));
        String id = opened.path("id");
        // The same key and body: the same payment; another body: 422.
        open(buyer, order, key, Map.of("provider", "SANDBOX", "channel", "PAGE"))
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        open(buyer, order, key, Map.of("provider", "SANDBOX", "channel", "WAP"))
                .then()
                .statusCode(422)
                .body("type", endsWith("/idempotency-mismatch"));
        assertThat((String) as(buyer).get("/api/orders/" + order).path("status"))
                .isEqualTo("RESERVED");

        String trade = id.replace("-", "");
        as(buyer).post("/api/payments/sandbox/" + trade + "/pay").then().statusCode(204);
        as(buyer).get("/api/orders/" + order).then().body("status", equalTo("PAID"));
        as(buyer)
                .get("/api/orders/" + order + "/payments")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].status", equalTo("SUCCEEDED"))
                .body("items[0].action", equalTo(null));
        // Paying again changes nothing; a new payment of a PAID order is refused.
        as(buyer).post("/api/payments/sandbox/" + trade + "/pay").then().statusCode(204);
        open(buyer, order, UUID.randomUUID().toString(), Map.of("provider", "SANDBOX", "channel", "PAGE"))
                .then()
                .statusCode(409)
                .body("type", endsWith("/order-not-payable"));
    }

    @Test
    void openingAnotherPaymentClosesTheEarlierOne() {
        String buyer = Api.consumer();
        String order = reservedOrder(buyer);
        String first = open(
                        buyer, order, UUID.randomUUID().toString(), Map.of("provider", "SANDBOX", "channel", "NATIVE"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String second = open(buyer, order, UUID.randomUUID().toString(), Map.of("provider", "SANDBOX", "channel", "H5"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        List<Map<String, Object>> items =
                as(buyer).get("/api/orders/" + order + "/payments").path("items");
        assertThat(items).extracting(i -> i.get("id")).containsExactly(second, first);
        assertThat(items).extracting(i -> i.get("status")).containsExactly("PENDING", "CLOSED");
    }

    @Test
    void onlyTheBuyerPaysAndReadsAndProvidersWithoutSettingsAreUnavailable() {
        String buyer = Api.consumer();
        String order = reservedOrder(buyer);
        String stranger = Api.consumer();
        open(stranger, order, UUID.randomUUID().toString(), Map.of("provider", "SANDBOX", "channel", "PAGE"))
                .then()
                .statusCode(404);
        as(stranger).get("/api/orders/" + order + "/payments").then().statusCode(404);
        as(Api.admin())
                .get("/api/orders/" + order + "/payments")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
        // Alipay has no settings in this profile.
        open(buyer, order, UUID.randomUUID().toString(), Map.of("provider", "ALIPAY", "channel", "NATIVE"))
                .then()
                .statusCode(422)
                .body("type", endsWith("/provider-unavailable"));
        open(buyer, order, UUID.randomUUID().toString(), Map.of("provider", "PAYPAL", "channel", "NATIVE"))
                .then()
                .statusCode(400);
        as(buyer)
                .body(Map.of("provider", "SANDBOX", "channel", "PAGE"))
                .post("/api/orders/" + order + "/payments")
                .then()
                .statusCode(400);
        Api.anonymous()
                .body(Map.of("provider", "SANDBOX", "channel", "PAGE"))
                .header("Idempotency-Key", "k")
                .post("/api/orders/" + order + "/payments")
                .then()
                .statusCode(401);
        // Someone else's sandbox trade cannot be "paid" by a stranger.
        String id = open(buyer, order, UUID.randomUUID().toString(), Map.of("provider", "SANDBOX", "channel", "PAGE"))
                .path("id");
        as(stranger)
                .post("/api/payments/sandbox/" + id.replace("-", "") + "/pay")
                .then()
                .statusCode(404);
        as(buyer).get("/api/orders/" + order).then().body("status", equalTo("RESERVED"));
    }
}
