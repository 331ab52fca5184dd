package org.originlive.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.Publisher;
import org.originlive.support.WsClient;

/**
 * End to end with the real engine: ffmpeg publishes a test pattern over RTMP to this test's own
 * nginx, viewers get {@code video} frames, the engine serves HLS named after the sale, the host
 * sees the pattern's resolution; wrong, rotated and ended keys and a second publisher are refused;
 * rotation, stopping and the sale's end take the publisher off.
 */
@QuarkusTest
class LiveVideoTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    MediaEngine engine;

    @BeforeAll
    static void tools() {
        Publisher.requireVideoTools();
    }

    private static JsonPath settings(String host, String sale) {
        return as(host).get("/api/sales/" + sale + "/stream")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<JsonObject> video(WsClient viewer) {
        return viewer.ofType("video");
    }

    private static JsonObject lastVideo(WsClient viewer) {
        List<JsonObject> frames = video(viewer);
        return frames.isEmpty() ? new JsonObject() : frames.get(frames.size() - 1);
    }

    private static void refused(String ingest, String key) {
        try (Publisher intruder = Publisher.start(ingest, key)) {
            await().atMost(WAIT).until(() -> !intruder.running());
            assertThat(intruder.exitCode())
                    .as("ffmpeg's exit after a refused publish")
                    .isNotZero();
        }
    }

    private static Response get(String url) {
        return RestAssured.given().urlEncodingEnabled(false).get(url);
    }

    @Test
    void aHostGoesLiveFromAnEncoderAndViewersWatch() {
        await().atMost(WAIT).until(engine::available);
        String host = Api.host();
        String sale = Api.liveSale(host, Api.product(Api.cooperative(), 100, 10), 5, 2);
        JsonPath stream = settings(host, sale);
        String ingest = stream.getString("ingestUrl");
        String key = stream.getString("streamKey");

        try (WsClient viewer = WsClient.watch(sale);
                Publisher obs = Publisher.start(ingest, key)) {
            await().atMost(WAIT).until(() -> "LIVE".equals(lastVideo(viewer).getString("status")));
            String playlist = lastVideo(viewer).getString("playbackUrl");
            assertThat(playlist)
                    .endsWith(".m3u8")
                    .contains("/hls/" + sale + "-")
                    .doesNotContain(key);
            assertThat(lastVideo(viewer).getLong("seq")).isPositive();

            // The engine serves the playlist and its segments under the sale's name.
            await().atMost(WAIT)
                    .until(() -> get(playlist).statusCode() == 200
                            && get(playlist).asString().contains(".ts"));
            String text = get(playlist).asString();
            String segment = text.lines()
                    .filter(l -> l.endsWith(".ts"))
                    .reduce((a, b) -> b)
                    .orElseThrow();
            Response ts = get(playlist.substring(0, playlist.lastIndexOf('/') + 1) + segment);
            assertThat(ts.statusCode()).isEqualTo(200);
            assertThat(ts.contentType()).isEqualTo("video/mp2t");
            assertThat(ts.asByteArray().length).isGreaterThan(1000);
            assertThat(get(playlist).header("Access-Control-Allow-Origin")).isEqualTo("*");

            // The host sees the test pattern as the engine reports it.
            await().atMost(WAIT).until(() -> settings(host, sale).getInt("health.height") == 360);
            JsonPath live = settings(host, sale);
            assertThat(live.getString("status")).isEqualTo("LIVE");
            assertThat(live.getInt("health.width")).isEqualTo(640);
            assertThat(live.getString("health.videoCodec")).isEqualTo("H264");
            assertThat(live.getDouble("health.fps")).isEqualTo(25.0);
            assertThat(live.getString("playbackUrl")).isEqualTo(playlist);

            // Nobody else publishes meanwhile: a wrong key and a second publisher are refused.
            refused(ingest, "x" + key.substring(1));
            refused(ingest, key);
            assertThat(obs.running()).isTrue();
            assertThat(settings(host, sale).getString("status")).isEqualTo("LIVE");

            // Stopping the encoder → IDLE, within seconds, for every viewer.
            obs.stop();
            await().atMost(WAIT).until(() -> "IDLE".equals(lastVideo(viewer).getString("status")));
            assertThat(lastVideo(viewer).getString("playbackUrl")).isNull();
            assertThat(settings(host, sale).getString("status")).isEqualTo("IDLE");
        }
    }

    @Test
    void rotatingTheKeyAndEndingTheSaleTakeThePublisherOff() {
        await().atMost(WAIT).until(engine::available);
        String host = Api.host();
        String sale = Api.liveSale(host, Api.product(Api.cooperative(), 100, 10), 5, 2);
        JsonPath stream = settings(host, sale);
        String ingest = stream.getString("ingestUrl");
        String leaked = stream.getString("streamKey");

        try (WsClient viewer = WsClient.watch(sale)) {
            try (Publisher obs = Publisher.start(ingest, leaked)) {
                await().atMost(WAIT).until(() -> "LIVE".equals(lastVideo(viewer).getString("status")));
                String fresh = as(host).post("/api/sales/" + sale + "/stream/key")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("streamKey");
                await().atMost(WAIT).until(() -> !obs.running());
                await().atMost(WAIT).until(() -> "IDLE".equals(lastVideo(viewer).getString("status")));
                refused(ingest, leaked);

                try (Publisher again = Publisher.start(ingest, fresh)) {
                    await().atMost(WAIT)
                            .until(() -> "LIVE".equals(lastVideo(viewer).getString("status")));
                    as(host).post("/api/sales/" + sale + "/end").then().statusCode(200);
                    await().atMost(WAIT).until(() -> !again.running());
                    await().atMost(WAIT)
                            .until(() -> "ENDED".equals(lastVideo(viewer).getString("status")));
                    assertThat(settings(host, sale).getString("status")).isEqualTo("ENDED");
                    refused(ingest, fresh);
                }
            }
        }
    }
}
