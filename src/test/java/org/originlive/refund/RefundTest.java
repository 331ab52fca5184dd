package org.originlive.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.Books;
import org.originlive.support.Purchase;

/** Refunds through the API: instant before shipping, decided after delivery, every bad request 4xx. */
@QuarkusTest
class RefundTest {

    @Test
    void beforeShippingARefundIsInstantRestocksAndReversesTheFeeCumulatively() {
        // 3 × 33.33 = 99.99 CNY: fee 5% = 4.9995 → 5.00, net 94.99.
        Purchase p = Purchase.paid(3333, 3, 5000, 1);
        assertThat(Purchase.balance(p.coopA())).containsExactly(9499, 0, 0, 0);
        int stockBefore = Api.stock(p.productA());

        p.refund(p.productA(), 1)
                .then()
                .statusCode(201)
                .body("status", equalTo("SUCCEEDED"))
                .body("amountMinor", equalTo(3333))
                .body("feeReversalMinor", equalTo(167)) // halfUp(500 × 3333 / 9999) = 166.67
                .body("fulfillmentId", equalTo(p.fulfillmentOf(p.coopA())))
                .body("currency", equalTo("CNY"));
        assertThat(Api.stock(p.productA())).isEqualTo(stockBefore + 1);
        as(p.buyer())
                .get("/api/orders/" + p.order())
                .then()
                .body("status", equalTo("PARTIALLY_REFUNDED"))
                .body("lines.find { it.productId == '" + p.productA() + "' }.refundedQuantity", equalTo(1));
        as(p.staffA())
                .get("/api/cooperatives/" + p.coopA() + "/earnings")
                .then()
                .body("items[0].grossMinor", equalTo(9999))
                .body("items[0].refundedMinor", equalTo(3333))
                .body("items[0].feeMinor", equalTo(333))
                .body("items[0].netMinor", equalTo(6333));
        assertThat(Purchase.balance(p.coopA())).containsExactly(6333, 0, 0, 0);
        as(p.staffA())
                .get("/api/cooperatives/" + p.coopA() + "/fulfillments")
                .then()
                .body("items[0].lines[0].refundedQuantity", equalTo(1));

        // The last two units reverse the rest of the fee, exactly: 500 − 167.
        p.refund(p.productA(), 2).then().statusCode(201).body("feeReversalMinor", equalTo(333));
        as(p.staffA())
                .get("/api/cooperatives/" + p.coopA() + "/fulfillments")
                .then()
                .body("items[0].status", equalTo("CANCELLED"));
        assertThat(Purchase.balance(p.coopA())).containsExactly(0, 0, 0, 0);
        as(p.buyer()).get("/api/orders/" + p.order()).then().body("status", equalTo("PARTIALLY_REFUNDED"));
        p.refund(p.productB(), 1).then().statusCode(201);
        as(p.buyer()).get("/api/orders/" + p.order()).then().body("status", equalTo("REFUNDED"));
        assertThat(Api.stock(p.productA())).isEqualTo(stockBefore + 3);
        Books.balanced();
        Books.cooperativeAddsUp(p.coopA(), p.coopB());
    }

    @Test
    void afterDeliveryTheCooperativeDecidesAndTheMoneyComesFromAvailable() {
        Purchase p = Purchase.paid(2000, 2, 1000, 1);
        String f = p.fulfillmentOf(p.coopA());
        as(p.staffA()).post("/api/fulfillments/" + f + "/accept").then().statusCode(200);
        as(p.staffA())
                .body(Map.of("carrier", "SF Express", "trackingNumber", "SF100200300"))
                .post("/api/fulfillments/" + f + "/ship")
                .then()
                .statusCode(200);
        p.refund(p.productA(), 1).then().statusCode(409).body("type", endsWith("/refund-in-transit"));
        as(p.staffA()).post("/api/fulfillments/" + f + "/deliver").then().statusCode(200);
        // Held 0 s in tests: the delivered net (4000 − 200) becomes available.
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(Purchase.balance(p.coopA())).containsExactly(0, 3800, 0, 0));
        int stockBefore = Api.stock(p.productA());

        String requested = p.refund(p.productA(), 1)
                .then()
                .statusCode(201)
                .body("status", equalTo("REQUESTED"))
                .body("feeReversalMinor", equalTo(0))
                .extract()
                .path("id");
        assertThat(Purchase.balance(p.coopA())).containsExactly(0, 3800, 0, 0);
        as(p.staffB()).post("/api/refunds/" + requested + "/approve").then().statusCode(404);
        as(p.buyer()).post("/api/refunds/" + requested + "/approve").then().statusCode(403);
        as(p.staffA())
                .get("/api/cooperatives/" + p.coopA() + "/refunds?status=REQUESTED")
                .then()
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(requested));
        as(p.staffA())
                .post("/api/refunds/" + requested + "/approve")
                .then()
                .statusCode(200)
                .body("status", equalTo("SUCCEEDED"))
                .body("feeReversalMinor", equalTo(100));
        as(p.staffA())
                .post("/api/refunds/" + requested + "/approve")
                .then()
                .statusCode(409)
                .body("type", endsWith("/refund-not-requested"));
        assertThat(Purchase.balance(p.coopA())).containsExactly(0, 1900, 0, 0);
        assertThat(Api.stock(p.productA())).as("the goods are with the buyer").isEqualTo(stockBefore);

        String second =
                p.refund(p.productA(), 1).then().statusCode(201).extract().path("id");
        p.refund(p.productA(), 1).then().statusCode(422).body("violations[0].field", equalTo("lines[0].quantity"));
        as(p.staffA())
                .body(Map.of("reason", "The jar arrived whole; photo attached"))
                .post("/api/refunds/" + second + "/reject")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("decisionReason", equalTo("The jar arrived whole; photo attached"));
        // A rejected request frees its units for another request.
        p.refund(p.productA(), 1).then().statusCode(201).body("status", equalTo("REQUESTED"));
        as(p.buyer())
                .get("/api/orders/" + p.order() + "/refunds")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(3));
        as(p.staffB()).get("/api/orders/" + p.order() + "/refunds").then().statusCode(404);
        Books.balanced();
        Books.cooperativeAddsUp(p.coopA(), p.coopB());
    }

    @Test
    void badRefundRequestsAreRefusedAndMoveNothing() {
        Purchase p = Purchase.paid(1500, 2, 2500, 1);
        String lineA = p.lineOf(p.productA());
        String lineB = p.lineOf(p.productB());
        String url = "/api/orders/" + p.order() + "/refunds";
        long[] before = Purchase.balance(p.coopA());
        int stockBefore = Api.stock(p.productA());

        as(Api.consumer())
                .header("Idempotency-Key", "k1")
                .body(Purchase.refundBody(lineA, 1))
                .post(url)
                .then()
                .statusCode(404);
        as(p.buyer()).body(Purchase.refundBody(lineA, 1)).post(url).then().statusCode(400);
        as(p.buyer())
                .header("Idempotency-Key", "two-fulfilments")
                .body(Map.of(
                        "lines",
                        List.of(Map.of("lineId", lineA, "quantity", 1), Map.of("lineId", lineB, "quantity", 1)),
                        "reason",
                        "Both broken"))
                .post(url)
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("lines"));
        as(p.buyer())
                .header("Idempotency-Key", "too-many")
                .body(Purchase.refundBody(lineA, 3))
                .post(url)
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("lines[0].quantity"));
        as(p.buyer())
                .header("Idempotency-Key", "unknown-line")
                .body(Purchase.refundBody(UUID.randomUUID().toString(), 1))
                .post(url)
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("lines[0].lineId"));
        for (int quantity : new int[] {0, -1}) {
            as(p.buyer())
                    .header("Idempotency-Key", "bad-" + quantity)
                    .body(Purchase.refundBody(lineA, quantity))
                    .post(url)
                    .then()
                    .statusCode(422);
        }
        as(p.buyer())
                .header("Idempotency-Key", "fraction")
                .body(Map.of("lines", List.of(Map.of("lineId", lineA, "quantity", 1.5)), "reason", "x"))
                .post(url)
                .then()
                .statusCode(400);
        assertThat(Purchase.balance(p.coopA())).containsExactly(before);
        assertThat(Api.stock(p.productA())).isEqualTo(stockBefore);
        as(p.buyer()).get(url).then().body("items.size()", equalTo(0));

        String id = as(p.buyer())
                .header("Idempotency-Key", "same")
                .body(Purchase.refundBody(lineA, 1))
                .post(url)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(p.buyer())
                .header("Idempotency-Key", "same")
                .body(Purchase.refundBody(lineA, 1))
                .post(url)
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        as(p.buyer())
                .header("Idempotency-Key", "same")
                .body(Purchase.refundBody(lineA, 2))
                .post(url)
                .then()
                .statusCode(422)
                .body("type", endsWith("/idempotency-mismatch"));
        as(p.buyer()).get(url).then().body("items.size()", equalTo(1));
        Books.balanced();
    }

    @Test
    void cancellingAPaidOrderRecordsARefundOfEverything() {
        Purchase p = Purchase.paid(1200, 2, 800, 3);
        int stockA = Api.stock(p.productA());
        as(p.buyer())
                .post("/api/orders/" + p.order() + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("fulfillments.status", equalTo(List.of("CANCELLED", "CANCELLED")));
        List<Integer> amounts = as(p.buyer())
                .get("/api/orders/" + p.order() + "/refunds")
                .then()
                .body("items.status", equalTo(List.of("SUCCEEDED", "SUCCEEDED")))
                .extract()
                .path("items.amountMinor");
        assertThat(amounts).containsExactlyInAnyOrder(2400, 2400);
        assertThat(Purchase.balance(p.coopA())).containsExactly(0, 0, 0, 0);
        assertThat(Purchase.balance(p.coopB())).containsExactly(0, 0, 0, 0);
        assertThat(Purchase.earningsNet(p.coopA())).isZero();
        assertThat(Api.stock(p.productA())).isEqualTo(stockA + 2);
        Books.balanced();
    }

    @Test
    void aCooperativeCancelsWhatItCannotShip() {
        Purchase p = Purchase.paid(1000, 4, 3000, 1);
        String f = p.fulfillmentOf(p.coopA());
        int stockA = Api.stock(p.productA());
        p.refund(p.productA(), 1).then().statusCode(201);
        as(p.staffB())
                .body(Map.of("reason", "Out of stock"))
                .post("/api/fulfillments/" + f + "/cancel")
                .then()
                .statusCode(403);
        as(p.staffA())
                .body(Map.of("reason", "Harvest lost to hail"))
                .post("/api/fulfillments/" + f + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("lines[0].refundedQuantity", equalTo(4));
        as(p.staffA())
                .body(Map.of("reason", "again"))
                .post("/api/fulfillments/" + f + "/cancel")
                .then()
                .statusCode(409);
        as(p.staffA()).post("/api/fulfillments/" + f + "/accept").then().statusCode(409);
        assertThat(Api.stock(p.productA())).isEqualTo(stockA + 4);
        as(p.buyer())
                .get("/api/orders/" + p.order() + "/refunds")
                .then()
                .body("items.amountMinor", equalTo(List.of(1000, 3000)))
                .body("items.feeReversalMinor", equalTo(List.of(50, 150)));
        as(p.buyer()).get("/api/orders/" + p.order()).then().body("status", equalTo("PARTIALLY_REFUNDED"));
        assertThat(Purchase.balance(p.coopA())).containsExactly(0, 0, 0, 0);
        Books.balanced();
        Books.cooperativeAddsUp(p.coopA(), p.coopB());
    }

    @Test
    void theBuyerSeesTheParcelAndConfirmsReceipt() {
        Purchase p = Purchase.paid(1000, 1, 1000, 1);
        String f = p.fulfillmentOf(p.coopA());
        String received = "/api/orders/" + p.order() + "/fulfillments/" + f + "/received";
        as(p.buyer()).post(received).then().statusCode(409);
        as(p.staffA()).post("/api/fulfillments/" + f + "/accept").then().statusCode(200);
        as(p.staffA())
                .body(Map.of("carrier", "SF Express", "trackingNumber", "SF123"))
                .post("/api/fulfillments/" + f + "/ship")
                .then()
                .statusCode(200);
        as(p.buyer())
                .get("/api/orders/" + p.order())
                .then()
                .body("fulfillments.find { it.id == '" + f + "' }.carrier", equalTo("SF Express"))
                .body("fulfillments.find { it.id == '" + f + "' }.trackingNumber", equalTo("SF123"));
        as(Api.consumer()).post(received).then().statusCode(404);
        as(p.buyer())
                .post("/api/orders/" + p.order() + "/fulfillments/" + UUID.randomUUID() + "/received")
                .then()
                .statusCode(404);
        as(p.buyer()).post(received).then().statusCode(200).body("status", equalTo("DELIVERED"));
        as(p.buyer()).post(received).then().statusCode(200).body("status", equalTo("DELIVERED"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(Purchase.balance(p.coopA())).containsExactly(0, 950, 0, 0));
    }
}
