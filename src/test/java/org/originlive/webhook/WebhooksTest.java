package org.originlive.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.originlive.common.Transactions;
import org.originlive.ledger.AccountType;
import org.originlive.ledger.Bucket;
import org.originlive.ledger.Ledger;
import org.originlive.ledger.LedgerEntry;
import org.originlive.ledger.Posting;
import org.originlive.support.Api;
import org.originlive.support.Purchase;
import org.originlive.support.WebhookReceiver;

/** Signed webhooks end to end: a receiver on loopback (the test profile allows http there). */
@QuarkusTest
class WebhooksTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final WebhookReceiver receiver = WebhookReceiver.get();

    @Inject
    Ledger ledger;

    @Inject
    Pool pool;

    @Test
    void eachCooperativeGetsSignedEventsWithOnlyItsOwnLines() {
        Shop shop = Shop.open();
        String pathA = path(), pathB = path();
        String secretA = register(shop.staffA, shop.coopA, pathA, "fulfillment.created", "refund.succeeded")
                .getString("secret");
        String secretB = register(shop.staffB, shop.coopB, pathB, "fulfillment.created", "refund.succeeded")
                .getString("secret");
        assertThat(secretA).startsWith("whsec_").hasSizeGreaterThanOrEqualTo(6 + 43);

        String order = shop.buy(2, 3);
        WebhookReceiver.Request a = await().atMost(WAIT)
                .until(() -> receiver.seen(pathA), l -> !l.isEmpty())
                .get(0);
        WebhookReceiver.Request b = await().atMost(WAIT)
                .until(() -> receiver.seen(pathB), l -> !l.isEmpty())
                .get(0);
        verified(a, secretA);
        verified(b, secretB);
        assertThat(a.header("content-type")).startsWith("application/json");
        assertThat(a.header("user-agent")).isNotBlank();
        JsonPath eventA = new JsonPath(a.body());
        assertThat(eventA.getString("type")).isEqualTo("fulfillment.created");
        assertThat(eventA.getString("id")).isEqualTo(a.header("origin-live-event-id"));
        assertThat(eventA.getString("createdAt")).isNotBlank();
        assertThat(eventA.getString("data.orderId")).isEqualTo(order);
        assertThat(eventA.getString("data.cooperativeId")).isEqualTo(shop.coopA);
        assertThat(eventA.getList("data.lines.productId")).containsExactly(shop.productA);
        assertThat(eventA.getList("data.lines.quantity")).containsExactly(2);
        assertThat(a.body()).doesNotContain(shop.productB).doesNotContain(shop.coopB);
        JsonPath eventB = new JsonPath(b.body());
        assertThat(eventB.getList("data.lines.productId")).containsExactly(shop.productB);
        assertThat(b.body()).doesNotContain(shop.productA).doesNotContain(shop.coopA);
        // data is what the cooperative's own list of fulfilments shows of it.
        Map<String, Object> own = as(shop.staffA)
                .get("/api/cooperatives/" + shop.coopA + "/fulfillments")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.id == '" + eventA.getString("data.id") + "' }");
        assertThat(eventA.getMap("data")).isEqualTo(own);

        // A refund of one of A's units: only A hears of it, with A's line and amount.
        String lineA = lineOf(shop.buyer, order, shop.productA);
        as(shop.buyer)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Purchase.refundBody(lineA, 1))
                .post("/api/orders/" + order + "/refunds")
                .then()
                .statusCode(201)
                .body("status", equalTo("SUCCEEDED"));
        WebhookReceiver.Request refund = await().atMost(WAIT)
                .until(() -> receiver.seen(pathA), l -> l.size() == 2)
                .get(1);
        verified(refund, secretA);
        JsonPath r = new JsonPath(refund.body());
        assertThat(r.getString("type")).isEqualTo("refund.succeeded");
        assertThat(r.getList("data.lines.lineId")).containsExactly(lineA);
        assertThat(r.getLong("data.amountMinor")).isEqualTo(1500);
        assertThat(refund.body()).doesNotContain(shop.productB);
        // B's receiver heard of its own fulfilment only; the log says the same.
        assertThat(receiver.seen(pathB)).hasSize(1);
        as(shop.staffA)
                .get("/api/cooperatives/" + shop.coopA + "/webhooks/" + webhookAt(shop, pathA) + "/deliveries")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.outcome", equalTo(List.of("DELIVERED", "DELIVERED")))
                .body("items.responseCode", equalTo(List.of(200, 200)))
                .body("items.eventType", equalTo(List.of("refund.succeeded", "fulfillment.created")))
                .body("items[1].eventId", equalTo(eventA.getString("id")));
    }

    @Test
    void aFailedDeliveryIsRetriedWithinAMinuteWithTheSameEventAndBody() {
        Shop shop = Shop.open();
        String path = path();
        receiver.answer(path, new WebhookReceiver.Answer(500, null));
        String secret =
                register(shop.staffA, shop.coopA, path, "fulfillment.created").getString("secret");
        shop.buy(1, 1);
        List<WebhookReceiver.Request> seen = await().atMost(WAIT).until(() -> receiver.seen(path), l -> l.size() == 2);
        verified(seen.get(0), secret);
        verified(seen.get(1), secret);
        assertThat(seen.get(1).body()).isEqualTo(seen.get(0).body());
        assertThat(seen.get(1).header("origin-live-event-id"))
                .isEqualTo(seen.get(0).header("origin-live-event-id"));
        assertThat(Duration.between(seen.get(0).at(), seen.get(1).at())).isLessThan(Duration.ofSeconds(60));
        String id = webhookAt(shop, path);
        String log = "/api/cooperatives/" + shop.coopA + "/webhooks/" + id + "/deliveries";
        await().atMost(WAIT).until(() -> log(shop, log).getInt("total") == 2);
        as(shop.staffA)
                .get(log)
                .then()
                .body("items.outcome", equalTo(List.of("DELIVERED", "FAILED")))
                .body("items.responseCode", equalTo(List.of(200, 500)))
                .body("items.attempt", equalTo(List.of(2, 1)))
                .body("items[1].error", equalTo("HTTP 500"))
                .body("items[0].deliveryStatus", equalTo("DELIVERED"));
    }

    @Test
    void afterARotationBothSecretsSignNewFirst() {
        Shop shop = Shop.open();
        String path = path();
        JsonPath created = register(shop.staffA, shop.coopA, path, "fulfillment.created");
        String old = created.getString("secret");
        JsonPath rotated = as(shop.staffA)
                .post("/api/cooperatives/" + shop.coopA + "/webhooks/" + created.getString("id") + "/rotate-secret")
                .then()
                .statusCode(200)
                .body("id", equalTo(created.getString("id")))
                .body("previousSecretUntil", not(equalTo(null)))
                .extract()
                .jsonPath();
        String fresh = rotated.getString("secret");
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
        shop.buy(1, 1);
        WebhookReceiver.Request request = await().atMost(WAIT)
                .until(() -> receiver.seen(path), l -> !l.isEmpty())
                .get(0);
        String header = request.header("origin-live-signature");
        String t = WebhookReceiver.timestamp(header);
        assertThat(WebhookReceiver.signatures(header))
                .containsExactly(
                        WebhookReceiver.sign(fresh, t, request.body()), WebhookReceiver.sign(old, t, request.body()));
        // The list never shows a secret.
        as(shop.staffA)
                .get("/api/cooperatives/" + shop.coopA + "/webhooks")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0]", not(hasKey("secret")));
    }

    @Test
    void aDeletedEndpointGetsNothingMore() {
        Shop shop = Shop.open();
        String kept = path(), deleted = path();
        register(shop.staffA, shop.coopA, kept, "fulfillment.created");
        String id = register(shop.staffA, shop.coopA, deleted, "fulfillment.created")
                .getString("id");
        as(shop.staffA)
                .delete("/api/cooperatives/" + shop.coopA + "/webhooks/" + id)
                .then()
                .statusCode(204);
        as(shop.staffA)
                .delete("/api/cooperatives/" + shop.coopA + "/webhooks/" + id)
                .then()
                .statusCode(404)
                .body("type", equalTo("https://originlive.org/problems/not-found"));
        shop.buy(1, 1);
        await().atMost(WAIT).until(() -> receiver.seen(kept), l -> !l.isEmpty());
        assertThat(receiver.seen(deleted)).isEmpty();
    }

    @Test
    void urlsThatReachPrivatePlacesAreRefusedAtRegistrationWithoutTraffic() {
        String coop = Api.cooperative();
        String staff = Api.cooperativeStaff(coop);
        int before = receiver.total();
        for (String url : List.of(
                "https://127.0.0.1:" + receiver.port() + "/x",
                "https://localhost/x",
                "http://10.0.0.1/x",
                "https://169.254.169.254/latest/meta-data",
                "https://[::1]/x",
                "ftp://example.com/x",
                "https://example.com:8443/x",
                "http://example.com/x",
                "not a url")) {
            as(staff)
                    .body(Map.of("url", url, "events", List.of("fulfillment.created")))
                    .post("/api/cooperatives/" + coop + "/webhooks")
                    .then()
                    .statusCode(422)
                    .body("type", equalTo("https://originlive.org/problems/validation"))
                    .body("violations[0].field", equalTo("url"));
        }
        assertThat(receiver.total()).isEqualTo(before);
        as(staff).get("/api/cooperatives/" + coop + "/webhooks").then().body("items", hasSize(0));
    }

    @Test
    void aRedirectIsAFailureAndRedeliverSendsTheSameEventAgain() {
        Shop shop = Shop.open();
        String path = path(), target = path();
        WebhookReceiver.Answer redirect = new WebhookReceiver.Answer(302, receiver.url(target));
        // Every attempt of the (test) schedule is redirected: the delivery ends FAILED.
        receiver.answer(path, redirect, redirect, redirect, redirect);
        String secret =
                register(shop.staffA, shop.coopA, path, "fulfillment.created").getString("secret");
        shop.buy(1, 1);
        String id = webhookAt(shop, path);
        String url = "/api/cooperatives/" + shop.coopA + "/webhooks/" + id + "/deliveries";
        await().atMost(WAIT).until(() -> "FAILED".equals(log(shop, url).getString("items[0].deliveryStatus")));
        as(shop.staffA)
                .get(url)
                .then()
                .body("total", equalTo(4))
                .body("items.responseCode", equalTo(List.of(302, 302, 302, 302)));
        assertThat(receiver.seen(target)).isEmpty();
        String delivery = as(shop.staffA).get(url).then().extract().path("items[0].deliveryId");
        as(shop.staffA)
                .post(url + "/" + delivery + "/redeliver")
                .then()
                .statusCode(202)
                .body("deliveryId", equalTo(delivery))
                .body("status", equalTo("QUEUED"));
        List<WebhookReceiver.Request> seen = await().atMost(WAIT).until(() -> receiver.seen(path), l -> l.size() == 5);
        verified(seen.get(4), secret);
        assertThat(seen.get(4).body()).isEqualTo(seen.get(0).body());
        await().atMost(WAIT).until(() -> log(shop, url).getInt("total") == 5);
        as(shop.staffA)
                .get(url)
                .then()
                .body("total", equalTo(5))
                .body("items[0].outcome", equalTo("DELIVERED"))
                .body("items[0].deliveryStatus", equalTo("DELIVERED"));
        as(shop.staffA)
                .post(url + "/" + UUID.randomUUID() + "/redeliver")
                .then()
                .statusCode(404);
    }

    @Test
    void onlyTheCooperativeOrAnAdminManagesItsEndpointsWithinLimits() {
        String coop = Api.cooperative();
        String staff = Api.cooperativeStaff(coop);
        String other = Api.cooperativeStaff(Api.cooperative());
        String base = "/api/cooperatives/" + coop + "/webhooks";
        Map<String, Object> body = Map.of("url", receiver.url(path()), "events", List.of("payout.failed"));
        as(other).body(body).post(base).then().statusCode(403);
        as(other).get(base).then().statusCode(403);
        as(Api.consumer()).get(base).then().statusCode(403);
        Api.anonymous().get(base).then().statusCode(401);
        as(staff)
                .body(Map.of("url", receiver.url(path()), "events", List.of("order.paid")))
                .post(base)
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("events"));
        as(staff)
                .body(Map.of("url", receiver.url(path()), "events", List.of()))
                .post(base)
                .then()
                .statusCode(422);
        String id = as(Api.admin())
                .body(body)
                .post(base)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(other).post(base + "/" + id + "/rotate-secret").then().statusCode(403);
        as(staff).get(base + "/" + UUID.randomUUID() + "/deliveries").then().statusCode(404);
        for (int i = 1; i < 10; i++) {
            as(staff).body(body).post(base).then().statusCode(201);
        }
        as(staff)
                .body(body)
                .post(base)
                .then()
                .statusCode(422)
                .body("detail", org.hamcrest.Matchers.containsString("at most 10"));
        as(staff).get(base).then().body("items", hasSize(10));
    }

    @Test
    void cancellationsAndRequestedRefundsReachOnlyTheirCooperative() {
        Shop shop = Shop.open();
        String pathA = path(), pathB = path();
        String[] events = {"fulfillment.cancelled", "refund.requested", "refund.succeeded"};
        String secretA = register(shop.staffA, shop.coopA, pathA, events).getString("secret");
        String secretB = register(shop.staffB, shop.coopB, pathB, events).getString("secret");
        String order = shop.buy(2, 1);
        String fulfilmentA = fulfilmentOf(shop.buyer, order, shop.coopA);
        as(shop.staffA)
                .body(Map.of("reason", "Out of stock"))
                .post("/api/fulfillments/" + fulfilmentA + "/cancel")
                .then()
                .statusCode(200);
        List<WebhookReceiver.Request> a = await().atMost(WAIT).until(() -> receiver.seen(pathA), l -> l.size() == 2);
        a.forEach(r -> verified(r, secretA));
        assertThat(a.stream().map(r -> new JsonPath(r.body()).getString("type")))
                .containsExactlyInAnyOrder("fulfillment.cancelled", "refund.succeeded");
        JsonPath cancelled = a.stream()
                .map(r -> new JsonPath(r.body()))
                .filter(j -> j.getString("type").equals("fulfillment.cancelled"))
                .findFirst()
                .orElseThrow();
        assertThat(cancelled.getString("data.id")).isEqualTo(fulfilmentA);
        assertThat(cancelled.getString("data.status")).isEqualTo("CANCELLED");
        assertThat(cancelled.getList("data.lines.productId")).containsExactly(shop.productA);

        // B ships and delivers; the buyer's refund after delivery waits for B's decision.
        String fulfilmentB = fulfilmentOf(shop.buyer, order, shop.coopB);
        as(shop.staffB)
                .post("/api/fulfillments/" + fulfilmentB + "/accept")
                .then()
                .statusCode(200);
        as(shop.staffB)
                .body(Map.of("carrier", "SF Express", "trackingNumber", "SF100200300"))
                .post("/api/fulfillments/" + fulfilmentB + "/ship")
                .then()
                .statusCode(200);
        as(shop.staffB)
                .post("/api/fulfillments/" + fulfilmentB + "/deliver")
                .then()
                .statusCode(200);
        as(shop.buyer)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Purchase.refundBody(lineOf(shop.buyer, order, shop.productB), 1))
                .post("/api/orders/" + order + "/refunds")
                .then()
                .statusCode(201)
                .body("status", equalTo("REQUESTED"));
        WebhookReceiver.Request b = await().atMost(WAIT)
                .until(() -> receiver.seen(pathB), l -> !l.isEmpty())
                .get(0);
        verified(b, secretB);
        JsonPath requested = new JsonPath(b.body());
        assertThat(requested.getString("type")).isEqualTo("refund.requested");
        assertThat(requested.getString("data.fulfillmentId")).isEqualTo(fulfilmentB);
        assertThat(requested.getLong("data.amountMinor")).isEqualTo(700);
        assertThat(b.body()).doesNotContain(shop.productA).doesNotContain(fulfilmentA);
        assertThat(receiver.seen(pathA)).hasSize(2);
    }

    @Test
    void aSettledPayoutIsToldWithWhatTheCooperativeReadsOfIt() {
        String coop = Api.cooperative();
        String staff = Api.cooperativeStaff(coop);
        String path = path();
        String secret =
                register(staff, coop, path, "payout.succeeded", "payout.failed").getString("secret");
        credit(coop, "RWF", 50_000);
        as(staff)
                .body(Map.of(
                        "provider", "SANDBOX",
                        "accountName", "Abahuzamugambi ba Kawa",
                        "accountNumber", "+250788123456",
                        "currency", "RWF"))
                .put("/api/cooperatives/" + coop + "/payout-destination")
                .then()
                .statusCode(200);
        String payout = as(staff)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("currency", "RWF", "amountMinor", 40_000))
                .post("/api/cooperatives/" + coop + "/payouts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        WebhookReceiver.Request request = await().atMost(WAIT)
                .until(() -> receiver.seen(path), l -> !l.isEmpty())
                .get(0);
        verified(request, secret);
        JsonPath event = new JsonPath(request.body());
        assertThat(event.getString("type")).isEqualTo("payout.succeeded");
        Map<String, Object> own =
                as(staff).get("/api/payouts/" + payout).then().extract().path("");
        assertThat(event.getMap("data")).isEqualTo(own);
        assertThat(event.getString("data.status")).isEqualTo("SUCCEEDED");

        // A manual bank payout an admin marks failed: payout.failed, the money back in available.
        as(staff)
                .body(Map.of(
                        "provider", "BANK_MANUAL",
                        "accountName", "Abahuzamugambi ba Kawa",
                        "accountNumber", "RW-BK-0001",
                        "currency", "RWF"))
                .put("/api/cooperatives/" + coop + "/payout-destination")
                .then()
                .statusCode(200);
        String manual = as(staff)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("currency", "RWF", "amountMinor", 10_000))
                .post("/api/cooperatives/" + coop + "/payouts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(Api.admin())
                .body(Map.of("reason", "Account closed"))
                .post("/api/payouts/" + manual + "/mark-failed")
                .then()
                .statusCode(200);
        WebhookReceiver.Request failed = await().atMost(WAIT)
                .until(() -> receiver.seen(path), l -> l.size() == 2)
                .get(1);
        verified(failed, secret);
        JsonPath f = new JsonPath(failed.body());
        assertThat(f.getString("type")).isEqualTo("payout.failed");
        assertThat(f.getString("data.id")).isEqualTo(manual);
        assertThat(f.getString("data.status")).isEqualTo("FAILED");
    }

    // --- helpers

    /** Makes money available to the cooperative, as a delivered and held sale would. */
    private void credit(String cooperativeId, String currency, long amountMinor) {
        UUID cooperative = UUID.fromString(cooperativeId);
        Posting posting = new Posting(
                "TEST_AVAILABLE",
                "test",
                UUID.randomUUID(),
                List.of(
                        LedgerEntry.cooperative(cooperative, Bucket.AVAILABLE, currency, amountMinor),
                        LedgerEntry.of(AccountType.PAYMENT_CLEARING, currency, -amountMinor)));
        new Transactions(pool)
                .inTransaction(tx -> ledger.post(tx, posting, Instant.now()))
                .await()
                .indefinitely();
    }

    private static String path() {
        return "/hooks/" + UUID.randomUUID();
    }

    private JsonPath register(String staff, String coop, String path, String... events) {
        return as(staff)
                .body(Map.of("url", receiver.url(path), "events", List.of(events)))
                .post("/api/cooperatives/" + coop + "/webhooks")
                .then()
                .statusCode(201)
                .body("url", equalTo(receiver.url(path)))
                .body("events", equalTo(List.of(events)))
                .extract()
                .jsonPath();
    }

    private String webhookAt(Shop shop, String path) {
        List<Map<String, Object>> items = as(shop.staffA)
                .get("/api/cooperatives/" + shop.coopA + "/webhooks")
                .then()
                .extract()
                .path("items");
        return items.stream()
                .filter(i -> receiver.url(path).equals(i.get("url")))
                .map(i -> (String) i.get("id"))
                .findFirst()
                .orElseThrow();
    }

    /** The test's own check: some v1 is HMAC-SHA256 of "t.body" under the secret, and t is now. */
    private static void verified(WebhookReceiver.Request request, String secret) {
        String header = request.header("origin-live-signature");
        assertThat(header).startsWith("t=");
        String t = WebhookReceiver.timestamp(header);
        assertThat(Long.parseLong(t))
                .isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(120L));
        assertThat(WebhookReceiver.signatures(header)).contains(WebhookReceiver.sign(secret, t, request.body()));
    }

    /** The delivery log as it is now (polled without REST Assured's failure logging). */
    private static JsonPath log(Shop shop, String url) {
        return as(shop.staffA).get(url).then().statusCode(200).extract().jsonPath();
    }

    private static String fulfilmentOf(String buyer, String order, String coop) {
        List<Map<String, Object>> refs =
                as(buyer).get("/api/orders/" + order).then().extract().path("fulfillments");
        return refs.stream()
                .filter(f -> coop.equals(f.get("cooperativeId")))
                .map(f -> (String) f.get("id"))
                .findFirst()
                .orElseThrow();
    }

    private static String lineOf(String buyer, String order, String productId) {
        List<Map<String, Object>> lines =
                as(buyer).get("/api/orders/" + order).then().extract().path("lines");
        return lines.stream()
                .filter(l -> productId.equals(l.get("productId")))
                .map(l -> (String) l.get("id"))
                .findFirst()
                .orElseThrow();
    }

    /** Two cooperatives with a product each (1500 and 700 minor units) and a buyer. */
    private record Shop(
            String coopA, String coopB, String staffA, String staffB, String productA, String productB, String buyer) {

        static Shop open() {
            String coopA = Api.cooperative();
            String coopB = Api.cooperative();
            return new Shop(
                    coopA,
                    coopB,
                    Api.cooperativeStaff(coopA),
                    Api.cooperativeStaff(coopB),
                    Api.product(coopA, 1500, 100),
                    Api.product(coopB, 700, 100),
                    Api.consumer());
        }

        /** One order of both cooperatives' products, paid in the sandbox; its id. */
        String buy(int unitsA, int unitsB) {
            String order = as(buyer)
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of(
                            "items",
                            List.of(
                                    Map.of("productId", productA, "quantity", unitsA),
                                    Map.of("productId", productB, "quantity", unitsB)),
                            "shippingAddress",
                            Api.address()))
                    .post("/api/orders")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            as(buyer)
                    .body(Map.of("method", "sandbox"))
                    .post("/api/orders/" + order + "/pay")
                    .then()
                    .statusCode(200);
            return order;
        }
    }
}
