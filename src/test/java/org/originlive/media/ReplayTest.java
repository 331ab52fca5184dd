package org.originlive.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.Publisher;

/**
 * Replays end to end with the real engine and the real worker (the app starts both): ffmpeg
 * publishes a test pattern while the host pins two items at known times; after the end the
 * replay is READY within 60 s with a chapter per pin (±1 s) and a clip per pin of 5 s or more
 * (±2 s); the engine serves the playlist and the clips.
 */
@QuarkusTest
class ReplayTest {

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

    static JsonPath replay(String sale) {
        return anonymous()
                .get("/api/sales/" + sale + "/replay")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Instant pin(String host, String sale, String item) {
        Instant before = Instant.now();
        as(host).body(Map.of("itemId", item))
                .post("/api/sales/" + sale + "/pin")
                .then()
                .statusCode(200);
        Instant after = Instant.now();
        return before.plus(Duration.between(before, after).dividedBy(2));
    }

    private static void until(Instant moment) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Instant.now().isAfter(moment));
    }

    /** A LIVE sale featuring both products. */
    static String liveSale(String host, String first, String second) {
        Instant start = Instant.now().plusSeconds(3600);
        String sale = as(host).body(Api.saleBody(
                        start,
                        start.plusSeconds(3600),
                        Api.saleItem(first, 4900, 5, 2),
                        Api.saleItem(second, 5900, 5, 2)))
                .post("/api/sales")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(host).post("/api/sales/" + sale + "/start").then().statusCode(200);
        return sale;
    }

    static String itemOf(String sale, String product) {
        return anonymous()
                .get("/api/sales/" + sale)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("items.find { it.productId == '" + product + "' }.id");
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    @Test
    void aShowBecomesAReplayWithChaptersAndHighlights() {
        await().atMost(WAIT).until(engine::available);
        String host = Api.host();
        String coop = Api.cooperative();
        String first = Api.product(coop, 100, 10);
        String second = Api.product(coop, 200, 10);
        String sale = liveSale(host, first, second);
        String itemA = itemOf(sale, first);
        String itemB = itemOf(sale, second);
        JsonPath stream = settings(host, sale);
        assertThat(replay(sale).getString("status"))
                .as("a LIVE sale has no replay yet")
                .isEqualTo("NONE");

        try (Publisher obs = Publisher.start(stream.getString("ingestUrl"), stream.getString("streamKey"))) {
            await().atMost(WAIT).until(() -> "LIVE".equals(settings(host, sale).getString("status")));
            Instant live = Instant.parse(settings(host, sale).getString("startedAt"));
            until(live.plusSeconds(3));
            Instant pinnedA = pin(host, sale, itemA);
            until(pinnedA.plusSeconds(8));
            Instant pinnedB = pin(host, sale, itemB);
            until(pinnedB.plusSeconds(6));
            Instant ended = Instant.now();
            as(host).post("/api/sales/" + sale + "/end").then().statusCode(200);
            await().atMost(WAIT).until(() -> !obs.running());

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> "READY".equals(replay(sale).getString("status")));
            JsonPath ready = replay(sale);
            double shown = seconds(live, ended);
            assertThat(ready.getDouble("durationSeconds")).isCloseTo(shown, within(2.0));
            List<Map<String, Object>> chapters = ready.getList("chapters");
            assertThat(chapters).extracting(c -> c.get("itemId")).containsExactly(itemA, itemB);
            assertThat(chapters).extracting(c -> c.get("productId")).containsExactly(first, second);
            assertThat(ready.getDouble("chapters[0].atSeconds")).isCloseTo(seconds(live, pinnedA), within(1.0));
            assertThat(ready.getDouble("chapters[1].atSeconds")).isCloseTo(seconds(live, pinnedB), within(1.0));
            assertThat(ready.getString("chapters[0].name")).isNotBlank();

            String playlist = RestAssured.given()
                    .urlEncodingEnabled(false)
                    .get(ready.getString("playbackUrl"))
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(playlist).contains("#EXT-X-PLAYLIST-TYPE:VOD").contains("#EXT-X-ENDLIST");

            JsonPath clips = anonymous()
                    .get("/api/sales/" + sale + "/highlights")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(clips.getList("items")).hasSize(2);
            assertThat(clips.getString("items[0].itemId")).isEqualTo(itemA);
            assertThat(clips.getDouble("items[0].durationSeconds")).isCloseTo(seconds(pinnedA, pinnedB), within(2.0));
            assertThat(clips.getDouble("items[1].durationSeconds")).isCloseTo(seconds(pinnedB, ended), within(2.0));
            double pinAt = ready.getDouble("chapters[0].atSeconds");
            assertThat(clips.getDouble("items[0].startSeconds")).isBetween(pinAt - 2.0, pinAt + 0.01);
            byte[] mp4 = RestAssured.given()
                    .urlEncodingEnabled(false)
                    .get(clips.getString("items[0].playbackUrl"))
                    .then()
                    .statusCode(200)
                    .extract()
                    .asByteArray();
            assertThat(new String(mp4, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .isEqualTo("ftyp");

            JsonPath ofProduct = anonymous()
                    .get("/api/products/" + second + "/highlights")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(ofProduct.getList("items")).hasSize(1);
            assertThat(ofProduct.getString("items[0].saleId")).isEqualTo(sale);
        }
    }

    @Test
    void aSaleWithNothingPublishedHasNoReplay() {
        String host = Api.host();
        String sale = Api.liveSale(host, Api.product(Api.cooperative(), 100, 10), 5, 2);
        as(host).post("/api/sales/" + sale + "/end").then().statusCode(200);
        JsonPath none = replay(sale);
        assertThat(none.getString("status")).isEqualTo("NONE");
        assertThat(none.getList("chapters")).isEmpty();
        assertThat(none.getString("playbackUrl")).isNull();
        anonymous()
                .get("/api/sales/" + sale + "/highlights")
                .then()
                .statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.is(0));
        anonymous().get("/api/sales/" + UUID.randomUUID() + "/replay").then().statusCode(404);
        anonymous()
                .get("/api/products/" + UUID.randomUUID() + "/highlights")
                .then()
                .statusCode(404);
    }
}
