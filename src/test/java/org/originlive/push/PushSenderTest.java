package org.originlive.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.originlive.common.OutboundGuard;
import org.originlive.common.Transactions;
import org.originlive.support.Api;
import org.originlive.support.Concurrently;

/** The per-account limit and the claim before sending hold when requests and relays race; a refused address stops deliveries. */
@QuarkusTest
class PushSenderTest {

    private static PushService service;

    @Inject
    PushRepository repository;

    @Inject
    PushSender sender;

    @Inject
    Transactions transactions;

    @Inject
    VapidKeys keys;

    @Inject
    PushConfig config;

    @Inject
    io.vertx.mutiny.core.Vertx vertx;

    @Inject
    java.time.Clock clock;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    @BeforeAll
    static void startPushService() {
        service = new PushService();
    }

    @Test
    void fifteenBrowsersAtOnceRegisterExactlyTen() throws Exception {
        String buyer = Api.consumer();
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            PushService.Browser browser = service.browser();
            calls.add(() -> as(buyer).body(PushTest.subscription(browser)).post("/api/me/push-subscriptions"));
        }
        List<Integer> statuses =
                Concurrently.all(calls, 15).stream().map(Response::statusCode).toList();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(10);
        assertThat(statuses).filteredOn(s -> s == 422).hasSize(5);
        as(buyer).get("/api/me/push-subscriptions").then().statusCode(200).body("size()", equalTo(10));
    }

    @Test
    void racingAttemptsAtOneNoticeSendItOnce() {
        String buyer = Api.consumer();
        PushService.Browser browser = service.browser();
        PushTest.subscribe(buyer, browser);
        UUID user = PushTest.userId(buyer);
        // Queued without its outbox row, so only the attempts below can send it.
        List<UUID> ids = transactions
                .inTransaction(tx -> repository.queue(tx, user, "{\"title\":\"Once\"}"))
                .await()
                .atMost(Duration.ofSeconds(10));
        assertThat(ids).hasSize(1);
        List<Uni<Void>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(sender.attempt(ids.get(0)));
        }
        Uni.join().all(attempts).andFailFast().await().atMost(Duration.ofSeconds(20));
        await().during(Duration.ofMillis(1000)).atMost(Duration.ofSeconds(5)).until(() -> browser.received.size() == 1);
        assertThat(browser.delivered()).containsExactly("{\"title\":\"Once\"}");
    }

    @Test
    void anAddressRefusedAtDeliveryDisablesTheSubscriptionWithoutTraffic() {
        String buyer = Api.consumer();
        PushService.Browser browser = service.browser();
        String id = PushTest.subscribe(buyer, browser);
        UUID user = PushTest.userId(buyer);
        List<UUID> ids = transactions
                .inTransaction(tx -> repository.queue(tx, user, "{\"title\":\"Refused\"}"))
                .await()
                .atMost(Duration.ofSeconds(10));
        // As if the operator turned ORIGINLIVE_WEBHOOKS_ALLOW_HTTP off after the browser registered.
        OutboundGuard strict = new OutboundGuard(vertx, false, java.net.InetAddress::getAllByName);
        PushSender strictSender = new PushSender(repository, strict, keys, config, clock, registry);
        double refused =
                registry.counter(PushSender.METRIC, "outcome", "refused").count();
        strictSender.attempt(ids.get(0)).await().atMost(Duration.ofSeconds(10));

        assertThat(browser.received).isEmpty();
        assertThat(registry.counter(PushSender.METRIC, "outcome", "refused").count())
                .isEqualTo(refused + 1);
        as(buyer)
                .get("/api/me/push-subscriptions")
                .then()
                .statusCode(200)
                .body("[0].id", equalTo(id))
                .body("[0].disabledAt", org.hamcrest.Matchers.notNullValue());
        // A disabled subscription gets no new notices; registering it again enables it.
        assertThat(transactions
                        .inTransaction(tx -> repository.queue(tx, user, "{}"))
                        .await()
                        .atMost(Duration.ofSeconds(10)))
                .isEmpty();
        as(buyer)
                .body(PushTest.subscription(browser))
                .post("/api/me/push-subscriptions")
                .then()
                .statusCode(200)
                .body("disabledAt", org.hamcrest.Matchers.nullValue());
    }
}
