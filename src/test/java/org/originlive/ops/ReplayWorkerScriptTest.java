package org.originlive.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.originlive.support.Publisher;

/**
 * The replay worker (k8s/base/media/replay-worker.sh, the media pod's and the local engine's) as
 * the app's job endpoints see it, with two recordings joined: the clips of a pin at the second
 * recording's start and of one just before it start at most 2 s before their pins, not at the
 * replay's start (the join's keyframe carries side data, which ffprobe prints as empty lines).
 */
class ReplayWorkerScriptTest {

    private static final double RECORDING_SECONDS = 3;

    @Test
    void pinsNearAJoinAreCutNearThemNotFromTheStart() throws Exception {
        Publisher.requireVideoTools();
        Path storage = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "replay-worker-");
        Path recordings = Files.createDirectories(storage.resolve("recordings"));
        for (String name : List.of("first.flv", "second.flv")) {
            record(recordings.resolve(name));
        }
        UUID atStart = UUID.randomUUID();
        UUID inside = UUID.randomUUID();
        String job = String.join(
                "\n",
                "job " + UUID.randomUUID(),
                "kind make",
                "sale " + UUID.randomUUID(),
                "segment " + UUID.randomUUID() + " first.flv",
                "segment " + UUID.randomUUID() + " second.flv",
                "clip " + inside + " 0 1.500 1.000",
                "clip " + atStart + " 1 0.000 2.000",
                "");

        AtomicReference<String> job1 = new AtomicReference<>(job);
        AtomicReference<String> done = new AtomicReference<>();
        HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/api/media/hooks/replay-jobs/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/claim")) {
                String text = job1.getAndSet(null);
                answer(exchange, text == null ? 204 : 200, text);
            } else {
                done.set(path.endsWith("/done") ? body : "failed: " + body);
                answer(exchange, 204, null);
            }
        });
        app.start();
        ProcessBuilder builder = new ProcessBuilder("bash", "k8s/base/media/replay-worker.sh")
                .redirectErrorStream(true)
                .redirectOutput(storage.resolve("worker.log").toFile());
        builder.environment()
                .putAll(Map.of(
                        "HOOKS_URL",
                        "http://127.0.0.1:" + app.getAddress().getPort() + "/api/media/hooks",
                        "HOOK_SECRET",
                        "test",
                        "ENGINE_ID",
                        "test",
                        "STORAGE_DIR",
                        storage.toString(),
                        "POLL_SECONDS",
                        "0.2",
                        // Stops with this JVM if the test does not stop it.
                        "PARENT_PID",
                        Long.toString(ProcessHandle.current().pid())));
        Process worker = builder.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> done.get() != null);
        } finally {
            worker.descendants().forEach(ProcessHandle::destroy);
            worker.destroy();
            app.stop(0);
        }

        Map<String, String> clips = Arrays.stream(done.get().split("&"))
                .map(p -> URLDecoder.decode(p, StandardCharsets.UTF_8))
                .filter(p -> p.startsWith("clip="))
                .map(p -> p.substring("clip=".length()).split("="))
                .collect(Collectors.toMap(p -> p[0], p -> p[1]));
        assertThat(clips).containsOnlyKeys(atStart.toString(), inside.toString());
        // At the keyframe at or before the pin, at most 2 s earlier (the contract), never at 0.
        assertThat(start(clips.get(inside.toString()))).isBetween(0.5, 1.5);
        assertThat(start(clips.get(atStart.toString())))
                .as("around the second recording's start, where the pin is")
                .isBetween(RECORDING_SECONDS - 2, RECORDING_SECONDS + 0.1);
    }

    private static double start(String measured) {
        return Double.parseDouble(measured.split(",")[0]);
    }

    /** A recording as the engine writes one: FLV, H.264 with a keyframe every second, AAC. */
    private static void record(Path file) throws IOException, InterruptedException {
        Process ffmpeg = new ProcessBuilder(
                        "ffmpeg",
                        "-nostdin",
                        "-v",
                        "error",
                        "-y",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=size=320x240:rate=30",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine",
                        "-t",
                        Double.toString(RECORDING_SECONDS),
                        "-c:v",
                        "libx264",
                        "-preset",
                        "ultrafast",
                        "-g",
                        "30",
                        "-pix_fmt",
                        "yuv420p",
                        "-c:a",
                        "aac",
                        "-f",
                        "flv",
                        file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ffmpeg.waitFor()).as(out).isZero();
    }

    private static void answer(HttpExchange exchange, int code, String text) throws IOException {
        byte[] body = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(code, code == 204 ? -1 : body.length);
        if (code != 204) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
