package org.originlive.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.WsClient;

@QuarkusTest
class SaleSocketTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void aViewerSeesSnapshotThenStatusPinStockAndTicksInSeqOrder() {
        String host = Api.host();
        String product = Api.product(Api.cooperative(), 100, 10);
        String sale = Api.scheduledSale(host, product, 8, 2);
        String item = anonymous().get("/api/sales/" + sale).then().extract().path("items[0].id");
        try (WsClient viewer = WsClient.watch(sale)) {
            await().atMost(WAIT).until(() -> !viewer.frames.isEmpty());
            JsonObject snapshot = viewer.frames.get(0);
            assertThat(snapshot.getString("type")).isEqualTo("snapshot");
            assertThat(snapshot.getJsonObject("sale").getString("status")).isEqualTo("SCHEDULED");
            assertThat(snapshot.getJsonObject("sale")
                            .getJsonArray("items")
                            .getJsonObject(0)
                            .getInteger("remaining"))
                    .isEqualTo(8);
            assertThat(snapshot.getString("serverTime")).isNotBlank();
            assertThat(snapshot.getLong("viewers")).isEqualTo(1);

            await().atMost(WAIT).until(() -> !viewer.ofType("tick").isEmpty());
            assertThat(viewer.ofType("tick").get(0).getLong("secondsToStart")).isPositive();

            as(host).post("/api/sales/" + sale + "/start").then().statusCode(200);
            as(host).body(Map.of("itemId", item))
                    .post("/api/sales/" + sale + "/pin")
                    .then()
                    .statusCode(200);
            as(host).post("/api/sales/" + sale + "/end").then().statusCode(200);

            await().atMost(WAIT).until(() -> viewer.ofType("status").size() == 2);
            List<JsonObject> changes = viewer.changes();
            assertThat(changes)
                    .extracting(f -> f.getString("type"))
                    .containsExactly("snapshot", "status", "pinned", "stock", "status");
            assertThat(changes.get(1).getString("status")).isEqualTo("LIVE");
            assertThat(changes.get(2).getString("itemId")).isEqualTo(item);
            assertThat(changes.get(3).getInteger("remaining")).isZero();
            assertThat(changes.get(4).getString("status")).isEqualTo("ENDED");
            List<Long> seqs = new ArrayList<>();
            changes.forEach(f -> seqs.add(f.getLong("seq")));
            assertThat(seqs).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void pingGetsPongAndBadFramesGetErrorsWithoutHurtingOthers() {
        String host = Api.host();
        String sale = Api.liveSale(host, Api.product(Api.cooperative(), 100, 10), 5, 1);
        try (WsClient rude = WsClient.watch(sale);
                WsClient polite = WsClient.watch(sale)) {
            await().atMost(WAIT).until(() -> !rude.frames.isEmpty() && !polite.frames.isEmpty());
            rude.send("{not json");
            rude.send("[1,2,3]");
            rude.send("{\"type\":\"buy-everything\"}");
            rude.send("{\"type\":\"ping\"}");
            await().atMost(WAIT).until(() -> rude.ofType("pong").size() == 1);
            assertThat(rude.ofType("error")).hasSize(3);
            assertThat(rude.isClosed()).isFalse();

            as(host).post("/api/sales/" + sale + "/end").then().statusCode(200);
            await().atMost(WAIT)
                    .until(() -> !polite.ofType("status").isEmpty()
                            && !rude.ofType("status").isEmpty());
            assertThat(polite.ofType("error")).isEmpty();
        }
    }

    @Test
    void anOversizedFrameClosesOnlyThatConnection() {
        String sale = Api.liveSale(Api.host(), Api.product(Api.cooperative(), 100, 10), 5, 1);
        try (WsClient abuser = WsClient.watch(sale);
                WsClient other = WsClient.watch(sale)) {
            await().atMost(WAIT).until(() -> !abuser.frames.isEmpty() && !other.frames.isEmpty());
            abuser.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(10_000) + "\"}");
            await().atMost(WAIT).until(abuser::isClosed);
            assertThat(abuser.closeCode()).isEqualTo((short) 1009);
            other.send("{\"type\":\"ping\"}");
            await().atMost(WAIT).until(() -> !other.ofType("pong").isEmpty());
        }
    }

    @Test
    void anUnknownSaleIsClosedWithAReason() {
        try (WsClient viewer = WsClient.watch("00000000-0000-0000-0000-000000000000");
                WsClient garbage = WsClient.watch("not-a-sale")) {
            await().atMost(WAIT).until(() -> viewer.isClosed() && garbage.isClosed());
            assertThat(viewer.closeCode()).isEqualTo((short) 4404);
            assertThat(viewer.closeReason()).isEqualTo("unknown sale");
            assertThat(garbage.closeCode()).isEqualTo((short) 4404);
            assertThat(viewer.frames).isEmpty();
        }
    }

    @Test
    void fiveHundredViewersAllReceiveOneChange() {
        String host = Api.host();
        String sale = Api.liveSale(host, Api.product(Api.cooperative(), 100, 10), 5, 1);
        List<WsClient> viewers = new ArrayList<>();
        try {
            for (int i = 0; i < 500; i++) {
                viewers.add(WsClient.watch(sale));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> viewers.stream().allMatch(v -> !v.frames.isEmpty()));
            as(host).post("/api/sales/" + sale + "/end").then().statusCode(200);
            // Only the end counts: on a busy machine the start's LIVE frame may reach some viewers after their
            // snapshot.
            await().atMost(Duration.ofSeconds(30)).until(() -> viewers.stream().allMatch(v -> ended(v) == 1));
            assertThat(viewers).allSatisfy(v -> assertThat(ended(v)).isEqualTo(1));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> viewers.get(0).ofType("viewers").stream().anyMatch(f -> f.getLong("count") == 500));
        } finally {
            viewers.forEach(WsClient::close);
        }
    }

    private static long ended(WsClient viewer) {
        return viewer.ofType("status").stream()
                .filter(f -> "ENDED".equals(f.getString("status")))
                .count();
    }
}
