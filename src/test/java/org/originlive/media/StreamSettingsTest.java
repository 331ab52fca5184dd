package org.originlive.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;

/**
 * Stream settings for hosts and the engine's callbacks, called here as nginx-rtmp would (no real
 * publisher: the callbacks name a made-up engine, so this replica's watcher leaves them alone).
 */
@QuarkusTest
class StreamSettingsTest {

    private static final String PROBLEM = "https://originlive.org/problems/";

    @Inject
    MediaSecrets secrets;

    @Inject
    MediaEngine engine;

    private Hooks hooks;

    @org.junit.jupiter.api.BeforeAll
    static void tools() {
        org.originlive.support.Publisher.requireVideoTools();
    }

    @BeforeEach
    void engine() {
        hooks = new Hooks(
                secrets.hookSecret(), "fake-" + UUID.randomUUID().toString().substring(0, 8));
        await().atMost(Duration.ofSeconds(20)).until(engine::available);
    }

    private static JsonPath settings(String token, String sale) {
        return as(token)
                .get("/api/sales/" + sale + "/stream")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String sale(String host, Instant startsAt) {
        String product = Api.product(Api.cooperative(), 100, 10);
        return as(host).body(Map.of(
                        "title", "Video sale",
                        "startsAt", startsAt.toString(),
                        "endsAt", startsAt.plusSeconds(3600).toString(),
                        "items", java.util.List.of(Api.saleItem(product, 4900, 5, 2))))
                .post("/api/sales")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static JsonPath viewerSale(String sale) {
        return anonymous()
                .get("/api/sales/" + sale)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void theHostSeesServerAndKeyOthersDoNot() {
        String host = Api.host();
        String sale = Api.scheduledSale(host, Api.product(Api.cooperative(), 100, 10), 5, 2);
        JsonPath first = settings(host, sale);
        assertThat(first.getString("ingestUrl")).matches("rtmp://localhost:[0-9]+/live");
        assertThat(first.getString("streamKey")).matches("[A-Za-z0-9_-]{32}");
        assertThat(first.getString("status")).isEqualTo("IDLE");
        assertThat(first.getString("playbackUrl")).isNull();
        assertThat(first.getString("health")).isNull();
        assertThat(settings(host, sale).getString("streamKey"))
                .as("the same key on every look")
                .isEqualTo(first.getString("streamKey"));
        assertThat(settings(Api.admin(), sale).getString("streamKey")).isEqualTo(first.getString("streamKey"));

        as(Api.host())
                .get("/api/sales/" + sale + "/stream")
                .then()
                .statusCode(403)
                .body("type", org.hamcrest.Matchers.equalTo(PROBLEM + "forbidden"));
        as(Api.host()).post("/api/sales/" + sale + "/stream/key").then().statusCode(403);
        as(Api.consumer()).get("/api/sales/" + sale + "/stream").then().statusCode(403);
        anonymous().get("/api/sales/" + sale + "/stream").then().statusCode(401);
        as(host).get("/api/sales/" + UUID.randomUUID() + "/stream")
                .then()
                .statusCode(404)
                .body("type", org.hamcrest.Matchers.equalTo(PROBLEM + "not-found"));
        as(host).post("/api/sales/" + UUID.randomUUID() + "/stream/key").then().statusCode(404);
        assertThat(viewerSale(sale).getString("video.status")).isEqualTo("IDLE");
        assertThat(viewerSale(sale).getString("streamUrl")).isEqualTo("https://live.example/stream");
    }

    @Test
    void aLiveSalesKeyPublishesOnceAtATimeAndRotationRefusesTheOldKey() {
        String host = Api.host();
        String sale = Api.liveSale(host, Api.product(Api.cooperative(), 100, 10), 5, 2);
        String key = settings(host, sale).getString("streamKey");

        hooks.publish("x" + key.substring(1), "1")
                .then()
                .statusCode(403)
                .body("type", org.hamcrest.Matchers.equalTo(PROBLEM + "publish-refused"));
        var accepted = hooks.publish(key, "1");
        accepted.then().statusCode(302);
        String stream = accepted.header("Location");
        assertThat(stream).startsWith(sale + "-").doesNotContain(key);

        JsonPath live = settings(host, sale);
        assertThat(live.getString("status")).isEqualTo("LIVE");
        assertThat(live.getString("playbackUrl")).endsWith("/hls/" + stream + ".m3u8");
        assertThat(live.getString("startedAt")).isNotNull();
        JsonPath seen = viewerSale(sale);
        assertThat(seen.getString("video.status")).isEqualTo("LIVE");
        assertThat(seen.getString("video.playbackUrl")).isEqualTo(live.getString("playbackUrl"));

        // The engine reports its publisher every 10 s; a slow machine must not make the first one look silent.
        hooks.update(key, "1").then().statusCode(204);
        hooks.publish(key, "2")
                .then()
                .statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("another publisher"));
        // The refused one's publish_done (nginx sends it) must not end the live one.
        hooks.publishDone(key, "2").then().statusCode(204);
        assertThat(settings(host, sale).getString("status")).isEqualTo("LIVE");
        hooks.update(key, "1").then().statusCode(204);

        String rotated = as(host).post("/api/sales/" + sale + "/stream/key")
                .then()
                .statusCode(200)
                .extract()
                .path("streamKey");
        assertThat(rotated).isNotEqualTo(key).matches("[A-Za-z0-9_-]{32}");
        assertThat(settings(host, sale).getString("status")).isEqualTo("IDLE");
        assertThat(viewerSale(sale).getString("video.status")).isEqualTo("IDLE");
        hooks.update(key, "1")
                .then()
                .statusCode(403)
                .body("type", org.hamcrest.Matchers.equalTo(PROBLEM + "publish-refused"));
        hooks.publish(key, "3").then().statusCode(403);
        hooks.publish(rotated, "3").then().statusCode(302);
        hooks.publishDone(rotated, "3").then().statusCode(204);
        assertThat(settings(host, sale).getString("status")).isEqualTo("IDLE");
        assertThat(settings(host, sale).getString("endedAt")).isNotNull();
    }

    @Test
    void aRehearsalIsForTheHostOnlyAndBecomesTheShow() {
        String host = Api.host();
        String early = sale(host, Instant.now().plus(Duration.ofHours(2)));
        hooks.publish(settings(host, early).getString("streamKey"), "1")
                .then()
                .statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("rehearsals open 30 minutes before"));

        String sale = sale(host, Instant.now().plus(Duration.ofMinutes(10)));
        String key = settings(host, sale).getString("streamKey");
        hooks.publish(key, "1").then().statusCode(302);
        assertThat(settings(host, sale).getString("status")).isEqualTo("PREVIEW");
        assertThat(settings(host, sale).getString("playbackUrl")).isNotNull();
        assertThat(viewerSale(sale).getString("video.status")).isEqualTo("IDLE");
        assertThat(viewerSale(sale).getString("video.playbackUrl")).isNull();

        as(host).post("/api/sales/" + sale + "/start").then().statusCode(200);
        assertThat(settings(host, sale).getString("status")).isEqualTo("LIVE");
        assertThat(viewerSale(sale).getString("video.status")).isEqualTo("LIVE");

        as(host).post("/api/sales/" + sale + "/end").then().statusCode(200);
        assertThat(settings(host, sale).getString("status")).isEqualTo("ENDED");
        assertThat(viewerSale(sale).getString("video.status")).isEqualTo("ENDED");
        hooks.update(key, "1").then().statusCode(403);
        hooks.publish(key, "2").then().statusCode(403).body("detail", org.hamcrest.Matchers.containsString("ENDED"));
    }

    @Test
    void callbacksWithoutTheSecretAreRefusedAndChangeNothing() {
        String host = Api.host();
        String sale = Api.liveSale(host, Api.product(Api.cooperative(), 100, 10), 5, 2);
        String key = settings(host, sale).getString("streamKey");
        for (Hooks wrong : new Hooks[] {hooks.withSecret("wrong"), hooks.withSecret(null), hooks.withSecret("")}) {
            wrong.publish(key, "1")
                    .then()
                    .statusCode(403)
                    .body("type", org.hamcrest.Matchers.equalTo(PROBLEM + "forbidden"));
            wrong.update(key, "1").then().statusCode(403);
            wrong.publishDone(key, "1").then().statusCode(403);
        }
        assertThat(settings(host, sale).getString("status")).isEqualTo("IDLE");

        hooks.publish(key, "1").then().statusCode(302);
        hooks.withSecret("wrong").publishDone(key, "1").then().statusCode(403);
        assertThat(settings(host, sale).getString("status")).isEqualTo("LIVE");
    }

    @Test
    void aSaleNeedsNoExternalPlayerLink() {
        String host = Api.host();
        String sale = sale(host, Instant.now().plus(Duration.ofHours(1)));
        assertThat(viewerSale(sale).getString("streamUrl")).isNull();
        assertThat(viewerSale(sale).getString("video.status")).isEqualTo("IDLE");
    }
}
