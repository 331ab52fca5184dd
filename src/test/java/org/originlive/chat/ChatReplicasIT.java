package org.originlive.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.originlive.support.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.PostgresResource;
import org.originlive.support.ProdSettings;
import org.originlive.support.Replica;
import org.originlive.support.WsClient;

/**
 * Two packaged replicas on one database: messages, deletions,
 * reactions and bans made through either one take effect on the other at once.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ProdSettings.class, restrictToAnnotatedClass = true)
class ChatReplicasIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Replica other;

    @BeforeAll
    static void startTheOtherReplica() {
        other = Replica.start(Map.of(
                "quarkus.datasource.reactive.url",
                PostgresResource.server().reactiveUrl(),
                "quarkus.datasource.jdbc.url",
                PostgresResource.server().jdbcUrl(),
                "quarkus.datasource.username",
                "postgres",
                "quarkus.datasource.password",
                "postgres",
                "originlive.admin.email",
                Api.ADMIN_EMAIL,
                "originlive.admin.password",
                Api.ADMIN_PASSWORD));
    }

    @AfterAll
    static void stopTheOtherReplica() {
        if (other != null) {
            other.close();
        }
    }

    @Test
    void aMessageADeletionAndReactionsOnOneReplicaReachViewersOnTheOther() {
        String host = Api.host();
        String sale = Chat.liveSale(host);
        String buyer = Api.consumer();
        try (WsClient here = WsClient.watch(sale);
                WsClient there = WsClient.watch(other.port, sale)) {
            await().atMost(WAIT).until(() -> !here.frames.isEmpty() && !there.frames.isEmpty());

            String fromThere = as(buyer)
                    .port(other.port)
                    .body(Map.of("body", "posted through the other replica"))
                    .post("/api/sales/" + sale + "/chat")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            String fromHere = Chat.say(buyer, sale, "posted through this one");
            await().atMost(WAIT)
                    .until(() -> chatIds(here).size() == 2 && chatIds(there).size() == 2);
            assertThat(chatIds(here)).containsExactly(fromThere, fromHere);
            assertThat(chatIds(there)).containsExactly(fromThere, fromHere);

            as(host).port(other.port)
                    .delete("/api/sales/" + sale + "/chat/" + fromHere)
                    .then()
                    .statusCode(204);
            await().atMost(WAIT).until(() -> !here.ofType("chat_deleted").isEmpty());
            assertThat(here.ofType("chat_deleted").get(0).getString("messageId"))
                    .isEqualTo(fromHere);
            Chat.read(sale, "").then().body("items.id", org.hamcrest.Matchers.contains(fromThere));

            as(buyer)
                    .port(other.port)
                    .body(Map.of("type", "heart"))
                    .post("/api/sales/" + sale + "/reactions")
                    .then()
                    .statusCode(202);
            await().atMost(WAIT).until(() -> here.ofType("reactions").stream()
                    .anyMatch(f -> f.getJsonObject("counts").getInteger("heart") == 1));
        }
    }

    @Test
    void aBanOnOneReplicaHoldsOnTheOtherAndSoDoesItsLifting() {
        String host = Api.host();
        String sale = Chat.liveSale(host);
        String buyer = Api.consumer();
        String buyerId = Chat.userId(buyer);
        as(host).body(Map.of("userId", buyerId, "reason", "flooding"))
                .post("/api/sales/" + sale + "/chat/bans")
                .then()
                .statusCode(201);
        as(buyer)
                .port(other.port)
                .body(Map.of("body", "can I still talk over there?"))
                .post("/api/sales/" + sale + "/chat")
                .then()
                .statusCode(403)
                .body("type", endsWith("/banned"));
        as(host).port(other.port)
                .delete("/api/sales/" + sale + "/chat/bans/" + buyerId)
                .then()
                .statusCode(204);
        Chat.post(buyer, sale, "back here").then().statusCode(201);
    }

    private static List<String> chatIds(WsClient viewer) {
        return viewer.ofType("chat").stream()
                .flatMap(f -> f.getJsonArray("messages").stream())
                .map(m -> ((JsonObject) m).getString("id"))
                .toList();
    }
}
