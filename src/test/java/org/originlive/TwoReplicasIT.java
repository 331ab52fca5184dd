package org.originlive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.originlive.support.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.MediaSettings;
import org.originlive.support.Publisher;
import org.originlive.support.Replica;
import org.originlive.support.WsClient;

/**
 * Two packaged replicas on one database, each with its own local media engine: a change made
 * through one (a start, a publish to its engine, the encoder stopping, the end) reaches viewers
 * on the other.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = MediaSettings.class, restrictToAnnotatedClass = true)
class TwoReplicasIT {

    private static JsonObject lastVideo(WsClient viewer) {
        List<JsonObject> frames = viewer.ofType("video");
        return frames.isEmpty() ? new JsonObject() : frames.get(frames.size() - 1);
    }

    @Test
    void aChangeThroughOneReplicaReachesViewersOnTheOther() {
        Publisher.requireVideoTools();
        try (Replica other = Replica.start(MediaSettings.replica())) {
            String host = Api.host();
            String sale = Api.scheduledSale(host, Api.product(Api.cooperative(), 100, 10), 6, 2);
            try (WsClient here = WsClient.watch(sale);
                    WsClient there = WsClient.watch(other.port, sale)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> !there.frames.isEmpty() && !here.frames.isEmpty());
                assertThat(there.frames.get(0).getString("type")).isEqualTo("snapshot");

                as(host).post("/api/sales/" + sale + "/start").then().statusCode(200);
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> !there.ofType("status").isEmpty());
                assertThat(there.ofType("status").get(0).getString("status")).isEqualTo("LIVE");

                // Audience is summed across replicas.
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> there.ofType("viewers").stream().anyMatch(f -> f.getLong("count") == 2)
                                && here.ofType("viewers").stream().anyMatch(f -> f.getLong("count") == 2));

                // The host publishes to this replica's engine; both replicas' viewers see it come and go.
                JsonPath stream = as(host).get("/api/sales/" + sale + "/stream")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                try (Publisher obs = Publisher.start(stream.getString("ingestUrl"), stream.getString("streamKey"))) {
                    await().atMost(Duration.ofSeconds(20))
                            .until(() -> "LIVE".equals(lastVideo(here).getString("status"))
                                    && "LIVE".equals(lastVideo(there).getString("status")));
                    String playlist = lastVideo(there).getString("playbackUrl");
                    assertThat(playlist).isEqualTo(lastVideo(here).getString("playbackUrl"));
                    assertThat(lastVideo(there).getLong("seq"))
                            .isEqualTo(lastVideo(here).getLong("seq"));
                    await().atMost(Duration.ofSeconds(20)).until(() -> RestAssured.given()
                            .urlEncodingEnabled(false)
                            .get(playlist)
                            .asString()
                            .contains(".ts"));
                    assertThat(RestAssured.given()
                                    .port(other.port)
                                    .get("/api/sales/" + sale)
                                    .then()
                                    .extract()
                                    .jsonPath()
                                    .getString("video.playbackUrl"))
                            .isEqualTo(playlist);
                    obs.stop();
                    await().atMost(Duration.ofSeconds(20))
                            .until(() -> "IDLE".equals(lastVideo(here).getString("status"))
                                    && "IDLE".equals(lastVideo(there).getString("status")));
                }

                as(host).post("/api/sales/" + sale + "/end").then().statusCode(200);
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> there.ofType("status").size() == 2);
                assertThat(there.ofType("stock").get(0).getInteger("remaining")).isZero();
            }
        }
    }
}
