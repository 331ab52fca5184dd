package org.originlive.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.originlive.support.Api.anonymous;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.originlive.sale.SaleEvents;
import org.originlive.support.Api;
import org.originlive.support.NatsServer;
import org.originlive.support.WsClient;

/**
 * The nats bus (contract v3, "Scale-out bus"): viewers get every committed change through NATS
 * with its seq, no NOTIFY is sent on the checkout path, and losing NATS stops no sale: checkout
 * goes on, /q/health's bus check says DOWN while liveness and readiness stay UP, and viewers
 * converge once NATS is back (the outbox kept what NATS missed).
 */
@QuarkusTest
@TestProfile(NatsBusTest.OnNats.class)
class NatsBusTest {

    public static class OnNats implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            boolean there = java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/sbin/nats-server"))
                    || System.getenv("ORIGINLIVE_NATS_SERVER") != null;
            return Map.of(
                    "originlive.bus",
                    "nats",
                    "originlive.nats.url",
                    there ? NatsServer.shared().url() : "nats://127.0.0.1:1");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @BeforeAll
    static void nats() {
        NatsServer.require();
    }

    @AfterEach
    void natsBack() {
        if (!NatsServer.shared().answering()) {
            NatsServer.shared().start();
        }
    }

    private static String busStatus() {
        JsonPath health = anonymous().get("/q/health").then().extract().jsonPath();
        return health.getString("checks.find { it.name.contains('bus') }.status");
    }

    private static long seqOf(String sale) {
        return anonymous()
                .get("/api/sales/" + sale)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("seq");
    }

    /** The highest seq among a viewer's seq-carrying frames. */
    private static long newestSeq(WsClient viewer) {
        return viewer.frames.stream()
                .filter(f -> f.getLong("seq") != null)
                .mapToLong(f -> f.getLong("seq"))
                .max()
                .orElse(-1);
    }

    @Test
    void viewersGetCheckoutsThroughNatsAndNoNotifyIsSent() throws Exception {
        Vertx vertx = Vertx.vertx();
        List<String> notified = new CopyOnWriteArrayList<>();
        PgSubscriber listen = PgSubscriber.subscriber(
                vertx,
                PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                        .setUser(user)
                        .setPassword(password));
        listen.channel(SaleEvents.CHANNEL).handler(notified::add);
        listen.connect().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        try {
            await().atMost(WAIT).until(() -> "UP".equals(busStatus()));
            String host = Api.host();
            String sale = Api.liveSale(host, Api.product(Api.cooperative(), 100, 50), 20, 3);
            String item = Api.firstItem(sale);
            try (WsClient viewer = WsClient.watch(sale)) {
                await().atMost(WAIT).until(() -> viewer.remaining() == 20);
                for (int i = 0; i < 3; i++) {
                    Api.orderFromSale(Api.consumer(), sale, item, 2).then().statusCode(201);
                }
                await().atMost(WAIT).until(() -> viewer.remaining() == 14);
                assertThat(newestSeq(viewer)).isEqualTo(seqOf(sale));
                List<Long> stockSeqs = viewer.ofType("stock").stream()
                        .map(f -> f.getLong("seq"))
                        .toList();
                assertThat(stockSeqs).isSorted().doesNotHaveDuplicates();
            }
            assertThat(notified)
                    .as("NOTIFYs on the sale events channel with the nats bus")
                    .isEmpty();
        } finally {
            listen.close();
            vertx.close();
        }
    }

    /**
     * The relay delivers at least once: one that died after NATS took a batch and before it
     * deleted the rows sends the batch again. Viewers must not see a stale repeat.
     */
    @Test
    void aRepeatedEventIsDroppedByTheRoom() throws Exception {
        await().atMost(WAIT).until(() -> "UP".equals(busStatus()));
        String sale = Api.liveSale(Api.host(), Api.product(Api.cooperative(), 100, 50), 20, 3);
        String item = Api.firstItem(sale);
        try (WsClient viewer = WsClient.watch(sale);
                io.nats.client.Connection relayAgain =
                        io.nats.client.Nats.connect(NatsServer.shared().url())) {
            await().atMost(WAIT).until(() -> viewer.remaining() == 20);
            Api.orderFromSale(Api.consumer(), sale, item, 2).then().statusCode(201);
            await().atMost(WAIT).until(() -> viewer.remaining() == 18);
            long first = viewer.ofType("stock").get(0).getLong("seq");

            String repeat = new com.fasterxml.jackson.databind.ObjectMapper()
                    .findAndRegisterModules()
                    .writeValueAsString(List.of(org.originlive.sale.SaleEvent.stock(
                            java.util.UUID.fromString(sale), java.util.UUID.fromString(item), 18, first, 0L)));
            relayAgain.publish(NatsBus.SALE_SUBJECT + sale, repeat.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            relayAgain.flush(Duration.ofSeconds(2));
            Api.orderFromSale(Api.consumer(), sale, item, 2).then().statusCode(201);
            await().atMost(WAIT).until(() -> viewer.remaining() == 16);

            List<Long> seqs =
                    viewer.ofType("stock").stream().map(f -> f.getLong("seq")).toList();
            assertThat(seqs)
                    .as("each change once, in order")
                    .doesNotHaveDuplicates()
                    .isSorted();
        }
    }

    @Test
    void losingNatsStopsNoSaleAndViewersConvergeWhenItIsBack() {
        await().atMost(WAIT).until(() -> "UP".equals(busStatus()));
        String host = Api.host();
        String sale = Api.liveSale(host, Api.product(Api.cooperative(), 100, 50), 30, 3);
        String item = Api.firstItem(sale);
        try (WsClient viewer = WsClient.watch(sale)) {
            await().atMost(WAIT).until(() -> viewer.remaining() == 30);
            Api.orderFromSale(Api.consumer(), sale, item, 1).then().statusCode(201);
            await().atMost(WAIT).until(() -> viewer.remaining() == 29);

            NatsServer.shared().kill();
            await().atMost(WAIT).until(() -> "DOWN".equals(busStatus()));
            anonymous().get("/q/health/live").then().statusCode(200);
            anonymous().get("/q/health/ready").then().statusCode(200);
            for (int i = 0; i < 4; i++) {
                Api.orderFromSale(Api.consumer(), sale, item, 2).then().statusCode(201);
            }
            assertThat(Api.remaining(sale)).as("checkout went on without NATS").isEqualTo(21);

            NatsServer.shared().start();
            await().atMost(Duration.ofSeconds(30)).until(() -> viewer.remaining() == 21);
            await().atMost(WAIT).until(() -> newestSeq(viewer) == seqOf(sale));
            await().atMost(WAIT).until(() -> "UP".equals(busStatus()));
        }
    }
}
