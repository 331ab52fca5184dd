package org.originlive.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.Concurrently;
import org.originlive.support.WsClient;

/** The chat as viewers see it on /ws/sales/{id}: snapshot, chat frames without gaps, deletions, pins, reactions. */
@QuarkusTest
class ChatSocketTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void theSnapshotCarriesTheLatestMessagesThePinAndReactionTotals() {
        String host = Api.host();
        String sale = Chat.liveSale(host);
        try (WsClient empty = WsClient.watch(sale)) {
            await().atMost(WAIT).until(() -> !empty.frames.isEmpty());
            JsonObject snapshot = empty.frames.get(0);
            assertThat(snapshot.getJsonArray("chat")).isEmpty();
            assertThat(snapshot.containsKey("pinnedMessage")).isTrue();
            assertThat(snapshot.getValue("pinnedMessage")).isNull();
            assertThat(snapshot.getJsonObject("reactions").getMap())
                    .containsExactlyInAnyOrderEntriesOf(Map.of("like", 0, "heart", 0, "fire", 0));
        }
        String buyer = Api.consumer();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 55; i++) {
            ids.add(Chat.say(i <= 19 ? buyer : host, sale, "message " + i));
        }
        as(host).post("/api/sales/" + sale + "/chat/" + ids.get(50) + "/pin")
                .then()
                .statusCode(200);
        as(buyer)
                .body(Map.of("type", "fire"))
                .post("/api/sales/" + sale + "/reactions")
                .then()
                .statusCode(202);
        await().atMost(WAIT)
                .until(() -> Api.anonymous()
                                .get("/api/sales/" + sale + "/reactions")
                                .then()
                                .extract()
                                .<Integer>path("fire")
                        == 1);

        try (WsClient viewer = WsClient.watch(sale)) {
            await().atMost(WAIT).until(() -> !viewer.frames.isEmpty());
            JsonObject snapshot = viewer.frames.get(0);
            assertThat(snapshot.getString("type")).isEqualTo("snapshot");
            JsonArray chat = snapshot.getJsonArray("chat");
            assertThat(chat).hasSize(50);
            assertThat(chat.getJsonObject(0).getLong("seq")).isEqualTo(6);
            assertThat(chat.getJsonObject(49).getLong("seq")).isEqualTo(55);
            assertThat(chat.getJsonObject(49).getString("body")).isEqualTo("message 55");
            assertThat(snapshot.getJsonObject("pinnedMessage").getString("id")).isEqualTo(ids.get(50));
            assertThat(snapshot.getJsonObject("reactions").getInteger("fire")).isEqualTo(1);
        }
    }

    @Test
    void viewersGetChatFramesInSeqOrderWithoutGapsThenDeletionsAndPins() throws Exception {
        String host = Api.host();
        String sale = Chat.liveSale(host);
        as(host).body(Map.of("enabled", true, "slowModeSeconds", 0, "blockedTerms", List.of("wechat")))
                .put("/api/sales/" + sale + "/chat/settings")
                .then()
                .statusCode(200);
        try (WsClient viewer = WsClient.watch(sale)) {
            await().atMost(WAIT).until(() -> !viewer.frames.isEmpty());
            List<String> users = List.of(Api.consumer(), Api.consumer(), Api.consumer(), Api.consumer());
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String user = users.get(i % users.size());
                String body = "concurrent " + i;
                calls.add(() -> Chat.post(user, sale, body));
            }
            assertThat(Concurrently.all(calls, 16)).allMatch(r -> r.statusCode() == 201);
            String held = Chat.post(users.get(0), sale, "add me on WeChat")
                    .then()
                    .statusCode(201)
                    .extract()
                    .<String>path("id");
            as(host).post("/api/sales/" + sale + "/chat/" + held + "/approve")
                    .then()
                    .statusCode(200);
            String doomed = Chat.say(users.get(1), sale, "spam");
            as(host).post("/api/sales/" + sale + "/chat/" + doomed + "/pin")
                    .then()
                    .statusCode(200);
            as(host).delete("/api/sales/" + sale + "/chat/" + doomed).then().statusCode(204);

            await().atMost(WAIT).until(() -> !viewer.ofType("chat_deleted").isEmpty());
            List<JsonObject> messages = new ArrayList<>();
            viewer.ofType("chat").forEach(f -> f.getJsonArray("messages").forEach(m -> messages.add((JsonObject) m)));
            assertThat(messages)
                    .extracting(m -> m.getLong("seq"))
                    .containsExactly(java.util.stream.LongStream.rangeClosed(1, 42)
                            .boxed()
                            .toArray(Long[]::new));
            assertThat(messages).allMatch(m -> "VISIBLE".equals(m.getString("status")));
            assertThat(messages.get(40).getString("id")).isEqualTo(held);
            // Batched: fewer frames than messages is allowed, never more.
            assertThat(viewer.ofType("chat").size()).isLessThanOrEqualTo(42);

            List<String> order = viewer.changes().stream()
                    .map(f -> f.getString("type"))
                    .filter(t -> t.startsWith("chat"))
                    .toList();
            assertThat(order.subList(order.size() - 3, order.size()))
                    .containsExactly("chat_pinned", "chat_pinned", "chat_deleted");
            List<JsonObject> pins = viewer.ofType("chat_pinned");
            assertThat(pins.get(0).getJsonObject("message").getString("id")).isEqualTo(doomed);
            assertThat(pins.get(1).containsKey("message")).isTrue();
            assertThat(pins.get(1).getValue("message")).isNull();
            assertThat(viewer.ofType("chat_deleted").get(0).getString("messageId"))
                    .isEqualTo(doomed);
        }
    }

    @Test
    void aReactionFloodCountsAtMostTenASecondPerUser() throws Exception {
        String sale = Chat.liveSale(Api.host());
        String flooder = Api.consumer();
        String fan = Api.consumer();
        try (WsClient viewer = WsClient.watch(sale)) {
            await().atMost(WAIT).until(() -> !viewer.frames.isEmpty());
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                calls.add(() -> as(flooder).body(Map.of("type", "like")).post("/api/sales/" + sale + "/reactions"));
            }
            long firstSecond = Instant.now().getEpochSecond();
            List<Response> flood = Concurrently.all(calls, 20);
            long lastSecond = Instant.now().getEpochSecond();
            assertThat(flood).allMatch(r -> r.statusCode() == 202);
            for (int i = 0; i < 3; i++) {
                as(fan).body(Map.of("type", "heart"))
                        .post("/api/sales/" + sale + "/reactions")
                        .then()
                        .statusCode(202);
            }
            // The fan's hearts came after the flood, so the frame that shows them has the final likes.
            await().atMost(WAIT).until(() -> viewer.ofType("reactions").stream()
                    .anyMatch(f -> f.getJsonObject("counts").getInteger("heart") == 3));
            JsonObject counts = viewer.ofType("reactions").stream()
                    .filter(f -> f.getJsonObject("counts").getInteger("heart") == 3)
                    .findFirst()
                    .orElseThrow()
                    .getJsonObject("counts");
            long likes = counts.getInteger("like");
            assertThat(likes).isBetween(10L, 10L * (lastSecond - firstSecond + 1));
            assertThat(counts.getInteger("fire")).isZero();
            Api.anonymous()
                    .get("/api/sales/" + sale + "/reactions")
                    .then()
                    .statusCode(200)
                    .body("like", org.hamcrest.Matchers.equalTo((int) likes))
                    .body("heart", org.hamcrest.Matchers.equalTo(3));
            // Frames only when the totals changed.
            List<JsonObject> frames = viewer.ofType("reactions");
            for (int i = 1; i < frames.size(); i++) {
                assertThat(frames.get(i).getJsonObject("counts"))
                        .isNotEqualTo(frames.get(i - 1).getJsonObject("counts"));
            }
        }
        as(flooder)
                .body(Map.of("type", "LIKE"))
                .post("/api/sales/" + sale + "/reactions")
                .then()
                .statusCode(400);
        as(flooder)
                .body(Map.of("type", "clap"))
                .post("/api/sales/" + sale + "/reactions")
                .then()
                .statusCode(400);
        as(flooder)
                .body(Map.of())
                .post("/api/sales/" + sale + "/reactions")
                .then()
                .statusCode(422);
        Api.anonymous()
                .body(Map.of("type", "like"))
                .post("/api/sales/" + sale + "/reactions")
                .then()
                .statusCode(401);
    }
}
