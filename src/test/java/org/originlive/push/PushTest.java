package org.originlive.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.originlive.support.Api.as;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.originlive.common.Transactions;
import org.originlive.notify.BuyerPush;
import org.originlive.support.Api;

/** Browsers subscribe; notices reach the test push service once, signed (VAPID) and decryptable (RFC 8291). */
@QuarkusTest
class PushTest {

    private static final String SUBSCRIPTIONS = "/api/me/push-subscriptions";

    private static PushService service;

    @Inject
    BuyerPush push;

    @Inject
    Transactions transactions;

    @BeforeAll
    static void startPushService() {
        service = new PushService();
    }

    static Map<String, Object> subscription(String endpoint, String p256dh, String auth) {
        Map<String, Object> body = new HashMap<>();
        body.put("endpoint", endpoint);
        body.put("expirationTime", null);
        body.put("keys", Map.of("p256dh", p256dh, "auth", auth));
        return body;
    }

    static Map<String, Object> subscription(PushService.Browser browser) {
        return subscription(browser.endpoint, browser.p256dh(), browser.authSecret());
    }

    static String subscribe(String token, PushService.Browser browser) {
        return as(token)
                .body(subscription(browser))
                .post(SUBSCRIPTIONS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static UUID userId(String token) {
        return UUID.fromString(
                as(token).get("/api/me").then().statusCode(200).extract().path("id"));
    }

    private void notify(String token, BuyerPush.Notice notice) {
        UUID user = userId(token);
        transactions.inTransaction(tx -> push.queue(tx, user, notice)).await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void theSameEndpointAgainIsOkAndMovesToTheCaller() {
        String alice = Api.consumer();
        String bob = Api.consumer();
        PushService.Browser browser = service.browser();
        String id = subscribe(alice, browser);
        as(alice)
                .body(subscription(browser))
                .post(SUBSCRIPTIONS)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("endpoint", equalTo(browser.endpoint));
        as(alice).get(SUBSCRIPTIONS).then().statusCode(200).body("id", equalTo(List.of(id)));
        // Bob signs in on the same browser: it is his now, and Alice no longer sees it.
        as(bob).body(subscription(browser)).post(SUBSCRIPTIONS).then().statusCode(200);
        as(alice).get(SUBSCRIPTIONS).then().statusCode(200).body("size()", equalTo(0));
        as(bob).get(SUBSCRIPTIONS).then().statusCode(200).body("id", equalTo(List.of(id)));
        Api.anonymous().get(SUBSCRIPTIONS).then().statusCode(401);
        Api.anonymous()
                .body(subscription(service.browser()))
                .post(SUBSCRIPTIONS)
                .then()
                .statusCode(401);
        Api.anonymous()
                .get("/api/push/vapid-public-key")
                .then()
                .statusCode(200)
                .body("publicKey", equalTo(WebPushCryptoTest.DEV_PUBLIC));
    }

    @Test
    void unusableKeysAndTooManyBrowsersAreRefused() {
        String buyer = Api.consumer();
        PushService.Browser browser = service.browser();
        byte[] offCurve = PushService.unb64(browser.p256dh());
        offCurve[64] ^= 1;
        invalid(buyer, subscription(browser.endpoint, PushService.b64(offCurve), browser.authSecret()), "p256dh");
        invalid(buyer, subscription(browser.endpoint, browser.p256dh(), PushService.b64(new byte[15])), "auth");
        invalid(buyer, subscription(browser.endpoint, "not base64!", browser.authSecret()), "p256dh");
        invalid(buyer, subscription("x".repeat(2049), browser.p256dh(), browser.authSecret()), "endpoint");
        Map<String, Object> noKeys = subscription(browser);
        noKeys.remove("keys");
        invalid(buyer, noKeys, "keys");
        for (int i = 0; i < 10; i++) {
            subscribe(buyer, service.browser());
        }
        invalid(buyer, subscription(browser), "endpoint");
        as(buyer).get(SUBSCRIPTIONS).then().statusCode(200).body("size()", equalTo(10));
    }

    @Test
    void privateAndLoopbackEndpointsAreRefusedWithoutTraffic() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer live = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        live.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        live.start();
        try {
            String buyer = Api.consumer();
            PushService.Browser browser = service.browser();
            for (String endpoint : List.of(
                    "https://127.0.0.1:" + live.getAddress().getPort() + "/push",
                    "https://127.0.0.1/push",
                    "http://10.0.0.1/push",
                    "https://10.0.0.1/push",
                    "https://169.254.169.254/latest/meta-data",
                    "https://[::1]/push",
                    "ftp://push.example.com/x")) {
                invalid(buyer, subscription(endpoint, browser.p256dh(), browser.authSecret()), "endpoint");
            }
            as(buyer).get(SUBSCRIPTIONS).then().statusCode(200).body("size()", equalTo(0));
            assertThat(hits).hasValue(0);
        } finally {
            live.stop(0);
        }
    }

    @Test
    void aBuyerRemovesOnlyTheirOwnBrowser() {
        String alice = Api.consumer();
        String bob = Api.consumer();
        String id = subscribe(alice, service.browser());
        String other = subscribe(alice, service.browser());
        as(bob).delete(SUBSCRIPTIONS + "/" + id).then().statusCode(404).body("type", equalTo(type("not-found")));
        as(alice).delete(SUBSCRIPTIONS + "/" + id).then().statusCode(204);
        as(alice).delete(SUBSCRIPTIONS + "/" + id).then().statusCode(404);
        as(alice).get(SUBSCRIPTIONS).then().statusCode(200).body("id", equalTo(List.of(other)));
    }

    @Test
    void aNoticeReachesEachBrowserOnceDecrypted() {
        String buyer = Api.consumer();
        PushService.Browser phone = service.browser();
        PushService.Browser laptop = service.browser();
        subscribe(buyer, phone);
        subscribe(buyer, laptop);
        PushService.Browser strangers = service.browser();
        subscribe(Api.consumer(), strangers);

        // A transaction that rolls back queues nothing.
        UUID user = userId(buyer);
        assertThat(transactions
                        .inTransaction(tx -> push.queue(tx, user, notice("Rolled back"))
                                .map(x -> {
                                    throw new IllegalStateException("roll back");
                                }))
                        .onFailure()
                        .recoverWithItem("rolled back")
                        .await()
                        .atMost(Duration.ofSeconds(10)))
                .isEqualTo("rolled back");
        notify(buyer, notice("Coffee sale is live"));

        for (PushService.Browser browser : List.of(phone, laptop)) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> browser.delivered().size() == 1);
            JsonPath shown = JsonPath.from(browser.delivered().get(0));
            assertThat(shown.getString("title")).isEqualTo("Coffee sale is live");
            assertThat(shown.getString("body")).isEqualTo("Kivu coffee, 20 % off: tap to watch");
            assertThat(shown.getString("url")).isEqualTo("http://localhost:8080/live.html?sale=1");
            assertThat(shown.getString("tag")).isEqualTo("sale-live-1");
            PushService.Received received = browser.received.get(0);
            assertThat(received.vapidKey()).isEqualTo(WebPushCryptoTest.DEV_PUBLIC);
            assertThat(received.headers().get("Ttl")).containsExactly("86400");
            assertThat(received.headers().get("Urgency")).containsExactly("high");
        }
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> phone.received.size() == 1 && laptop.received.size() == 1 && strangers.received.isEmpty());
    }

    @Test
    void aRemindedBuyerIsPushedOnceWhenTheSaleGoesLive() {
        String host = Api.host();
        String sale = Api.scheduledSale(host, Api.product(Api.cooperative(), 4900, 10), 5, 2);
        String buyer = Api.consumer();
        PushService.Browser browser = service.browser();
        subscribe(buyer, browser);
        PushService.Browser notReminded = service.browser();
        subscribe(Api.consumer(), notReminded);
        as(buyer).post("/api/sales/" + sale + "/reminders").then().statusCode(201);
        as(host).post("/api/sales/" + sale + "/start").then().statusCode(200);

        await().atMost(Duration.ofSeconds(15)).until(() -> browser.delivered().size() == 1);
        JsonPath shown = JsonPath.from(browser.delivered().get(0));
        assertThat(shown.getString("title")).startsWith("Live now: ");
        assertThat(shown.getString("url")).isEqualTo("http://localhost:8080/live/" + sale);
        assertThat(shown.getString("tag")).isEqualTo("sale-" + sale);
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> browser.received.size() == 1 && notReminded.received.isEmpty());
        as(host).post("/api/sales/" + sale + "/end").then().statusCode(200);
    }

    @Test
    void aBrowserThatIsGoneIsForgotten() {
        String buyer = Api.consumer();
        PushService.Browser browser = service.browser();
        browser.answerNext(410);
        String id = subscribe(buyer, browser);
        notify(buyer, notice("Gone"));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        as(buyer).get(SUBSCRIPTIONS).then().statusCode(200).body("id", not(hasItem(id))));
        assertThat(browser.received).hasSize(1);
    }

    @Test
    void aServerErrorIsTriedAgainAndDeliveredOnce() {
        String buyer = Api.consumer();
        PushService.Browser browser = service.browser();
        browser.answerNext(503, 429);
        subscribe(buyer, browser);
        notify(buyer, notice("Third time lucky"));
        await().atMost(Duration.ofSeconds(15)).until(() -> browser.delivered().size() == 1);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> browser.received.size() == 3);
        assertThat(browser.received).extracting(PushService.Received::status).containsExactly(503, 429, 201);
        assertThat(JsonPath.from(browser.delivered().get(0)).getString("title")).isEqualTo("Third time lucky");
    }

    @Test
    void aNoticeTooLongForOneRecordIsCut() {
        String buyer = Api.consumer();
        PushService.Browser browser = service.browser();
        subscribe(buyer, browser);
        notify(buyer, new BuyerPush.Notice("Long", "é".repeat(5000), "http://localhost:8080/", "long"));
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.delivered().size() == 1);
        String body = JsonPath.from(browser.delivered().get(0)).getString("body");
        assertThat(body).startsWith("éé").endsWith("…");
        assertThat(browser.delivered().get(0).getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(3993);
    }

    @AfterAll
    static void noTrafficElsewhere() {
        assertThat(service.requests()).allMatch(r -> r.startsWith("POST /push/"));
    }

    private static BuyerPush.Notice notice(String title) {
        return new BuyerPush.Notice(
                title, "Kivu coffee, 20 % off: tap to watch", "http://localhost:8080/live.html?sale=1", "sale-live-1");
    }

    private static void invalid(String token, Map<String, Object> body, String field) {
        as(token)
                .body(body)
                .post(SUBSCRIPTIONS)
                .then()
                .statusCode(422)
                .body("type", equalTo(type("validation")))
                .body("violations.field", hasItem(field));
    }

    private static String type(String slug) {
        return org.originlive.common.ProblemType.VALIDATION.uri().replace("validation", slug);
    }
}
