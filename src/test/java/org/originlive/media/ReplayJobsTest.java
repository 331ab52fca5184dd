package org.originlive.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.Publisher;

/**
 * The recorder's callbacks and the replay jobs, with a made-up engine whose worker this test runs
 * itself (the same script the media pod and the local engine run): rehearsals are not recorded, a
 * job claimed by a worker that then dies is made by the next claim once its lease is over and
 * becomes READY once (the dead worker's late report is refused), views count once per viewer
 * and hour, and a replay past its retention is deleted by the worker and answers NONE.
 */
@QuarkusTest
class ReplayJobsTest {

    private static final Path STORAGE = Path.of("target/media/storage").toAbsolutePath();

    @Inject
    MediaSecrets secrets;

    @Inject
    ReplayViewCounts views;

    @Inject
    ReplayRetention retention;

    @Inject
    ReplayRepository replays;

    private Hooks hooks;

    @BeforeAll
    static void tools() {
        Publisher.requireVideoTools();
    }

    @BeforeEach
    void engine() {
        hooks = new Hooks(
                secrets.hookSecret(), "fake-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A live sale whose (made-up) publisher the ingest callback accepted; returns {sale, stream name}. */
    private String[] publishing(String host) {
        String sale = Api.liveSale(host, Api.product(Api.cooperative(), 100, 10), 5, 2);
        String key = as(host).get("/api/sales/" + sale + "/stream")
                .then()
                .statusCode(200)
                .extract()
                .path("streamKey");
        Response accepted = hooks.publish(key, "1");
        accepted.then().statusCode(302);
        return new String[] {sale, accepted.header("Location")};
    }

    /** What nginx's recorder leaves: a real FLV of {@code seconds} in the recordings folder. */
    private static Path recording(String name, int seconds) throws IOException, InterruptedException {
        Path file = STORAGE.resolve("recordings").resolve(name + "-" + System.nanoTime() + ".flv");
        Files.createDirectories(file.getParent());
        Process ffmpeg = new ProcessBuilder(
                        "ffmpeg",
                        "-v",
                        "error",
                        "-y",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc=size=320x180:rate=25",
                        "-t",
                        Integer.toString(seconds),
                        "-pix_fmt",
                        "yuv420p",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "ultrafast",
                        "-g",
                        "25",
                        "-f",
                        "flv",
                        file.toString())
                .redirectErrorStream(true)
                .redirectOutput(new File("target/ffmpeg-recording.log"))
                .start();
        assertThat(ffmpeg.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ffmpeg.exitValue()).isZero();
        return file;
    }

    private Process worker() throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", "k8s/base/media/replay-worker.sh")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/replay-worker-test.log")));
        builder.environment()
                .putAll(Map.of(
                        "HOOKS_URL", RestAssured.baseURI + ":" + RestAssured.port + "/api/media/hooks",
                        "HOOK_SECRET", hooks.secret(),
                        "ENGINE_ID", hooks.engine(),
                        "STORAGE_DIR", STORAGE.toString(),
                        "POLL_SECONDS", "1",
                        "PARENT_PID", Long.toString(ProcessHandle.current().pid())));
        return builder.start();
    }

    private static String status(String sale) {
        return ReplayTest.replay(sale).getString("status");
    }

    @Test
    void aRehearsalIsNotRecordedAndTheShowIs() {
        String host = Api.host();
        String sale = as(host).body(Api.saleBody(
                        Instant.now().plusSeconds(600),
                        Instant.now().plusSeconds(4200),
                        Api.saleItem(Api.product(Api.cooperative(), 100, 10), 4900, 5, 2)))
                .post("/api/sales")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String key =
                as(host).get("/api/sales/" + sale + "/stream").then().extract().path("streamKey");
        Response accepted = hooks.publish(key, "1");
        accepted.then().statusCode(302);
        String stream = accepted.header("Location");

        hooks.recordStart(stream, "2")
                .then()
                .statusCode(403)
                .body("type", org.hamcrest.Matchers.endsWith("publish-refused"));
        as(host).post("/api/sales/" + sale + "/start").then().statusCode(200);
        hooks.recordStart(stream, "3").then().statusCode(204);
        hooks.recordStart("x" + stream.substring(1), "4").then().statusCode(403);
        hooks.withSecret("wrong").recordStart(stream, "5").then().statusCode(403);

        as(host).post("/api/sales/" + sale + "/end").then().statusCode(200);
        assertThat(status(sale))
                .as("recorded while LIVE: a replay is on its way")
                .isEqualTo("PROCESSING");
        hooks.recordStart(stream, "6").then().statusCode(403);
    }

    @Test
    void aJobWhoseWorkerDiedIsMadeByTheNextClaimAndIsReadyOnce() throws Exception {
        String host = Api.host();
        String[] s = publishing(host);
        String sale = s[0];
        hooks.recordStart(s[1], "2").then().statusCode(204);
        Path file = recording(s[1], 8);
        hooks.recordDone(s[1], "2", file.toString()).then().statusCode(204);
        as(host).post("/api/sales/" + sale + "/end").then().statusCode(200);
        assertThat(status(sale)).isEqualTo("PROCESSING");

        // A worker takes the job and dies (or the app it ran beside stops) before it reports.
        // (due a second after the end, when the engine has had a moment to close its files)
        String job = await().atMost(Duration.ofSeconds(15))
                .until(() -> hooks.claim(), r -> r.statusCode() == 200)
                .asString();
        String claim = job.lines()
                .filter(l -> l.startsWith("job "))
                .findFirst()
                .orElseThrow()
                .substring(4);
        assertThat(job).contains("kind make", "sale " + sale, file.getFileName().toString());
        hooks.claim().then().statusCode(204);

        Process next = worker();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> "READY".equals(status(sale)));
        } finally {
            next.destroy();
        }
        hooks.jobDone(claim, Map.of("duration", "8.0")).then().statusCode(409);
        assertThat(status(sale)).isEqualTo("READY");
        assertThat(ReplayTest.replay(sale).getDouble("durationSeconds")).isBetween(7.0, 9.0);
        assertThat(file).as("the raw recording goes once the replay is made").doesNotExist();
        assertThat(STORAGE.resolve("public/replays/" + sale + "/index.m3u8")).exists();

        // Views: once per viewer and hour, a signed-in buyer apart from anonymous ones.
        long before = views.of(UUID.fromString(sale)).await().indefinitely();
        ReplayTest.replay(sale);
        String buyer = Api.consumer();
        as(buyer).get("/api/sales/" + sale + "/replay").then().statusCode(200);
        as(buyer).get("/api/sales/" + sale + "/replay").then().statusCode(200);
        assertThat(views.of(UUID.fromString(sale)).await().indefinitely()).isEqualTo(before + 1);
        assertThat(before)
                .as("anonymous looks from this test's address counted once")
                .isEqualTo(1);

        // Past its retention: the worker deletes the files and the replay is NONE.
        replays.expire(Instant.now().plusSeconds(1), Instant.now()).await().indefinitely();
        Process cleaner = worker();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> "NONE".equals(status(sale)));
        } finally {
            cleaner.destroy();
        }
        assertThat(STORAGE.resolve("public/replays/" + sale)).doesNotExist();
        anonymous()
                .get("/api/sales/" + sale + "/highlights")
                .then()
                .statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.is(0));
    }
}
