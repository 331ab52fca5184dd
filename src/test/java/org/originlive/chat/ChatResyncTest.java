package org.originlive.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.originlive.support.Api.anonymous;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.PostgresResource;
import org.originlive.support.WsClient;

/** After the LISTEN connection comes back, the fresh snapshot carries the chat and new messages flow again. */
@QuarkusTest
class ChatResyncTest {

    @Test
    void theResyncSnapshotCarriesTheChatAndLaterMessagesArrive() {
        String host = Api.host();
        String sale = Chat.liveSale(host);
        String buyer = Api.consumer();
        String before = Chat.say(buyer, sale, "before the outage");
        try (WsClient viewer = WsClient.watch(sale)) {
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> viewer.ofType("snapshot").size() == 1);

            PostgresResource.server().stop();
            PostgresResource.server().start();

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> viewer.ofType("snapshot").size() >= 2);
            JsonObject resync = viewer.ofType("snapshot").get(1);
            assertThat(resync.getJsonArray("chat").getJsonObject(0).getString("id"))
                    .isEqualTo(before);
            assertThat(resync.getJsonObject("reactions").getInteger("like")).isZero();

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Chat.post(buyer, sale, "after the outage").statusCode() == 201);
            await().atMost(Duration.ofSeconds(15)).until(() -> viewer.ofType("chat").stream()
                    .flatMap(f -> f.getJsonArray("messages").stream())
                    .anyMatch(m -> "after the outage".equals(((JsonObject) m).getString("body"))));
            assertThat(viewer.isClosed()).isFalse();
        }
        // Leave the app as the next test class finds it: every pooled connection and LISTEN back.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> anonymous().get("/q/health/ready").statusCode() == 200);
    }
}
