package org.originlive.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * End-to-end live video figures (issue 22) against a running app (demo profile, its own local
 * nginx engine): publish → first {@code video} LIVE frame, publish → first playable segment, the
 * app JVM's CPU with a publisher live vs idle, and Chromium's distance to the live edge on
 * {@code /live/{id}}. Driven by bench/video-latency.sh, which starts and stops everything.
 *
 * <p>The distance to the live edge is read from the picture: the publisher for that part burns
 * its wall clock (ms since a base chosen at launch, 20 bits, LSB left) into each frame as a strip
 * of black and white blocks, with the complement in a second row as a check; a WebDriver
 * screenshot of the page is decoded, and the distance is the screenshot's time minus the time
 * burnt into the frame on screen.
 */
public final class VideoLatency {

    // The burnt-in clock: 20 blocks of 32x32 video pixels at (BAR_X, BAR_Y), complement under it.
    static final int BAR_X = 320;
    static final int BAR_Y = 328;
    static final int BLOCK = 32;
    static final int BITS = 20;
    static final int VIDEO_W = 1280;

    private final String appHost = "localhost";
    private final int appPort = Integer.parseInt(env("BENCH_PORT", "8080"));
    private final long appPid = Long.parseLong(env("BENCH_APP_PID", "0"));
    private final int publishes = Integer.parseInt(env("BENCH_VIDEO_PUBLISHES", "5"));
    private final int cpuSeconds = Integer.parseInt(env("BENCH_VIDEO_CPU_SECONDS", "30"));
    private final int edgeSeconds = Integer.parseInt(env("BENCH_VIDEO_EDGE_SECONDS", "48"));
    private final String driver = env("BENCH_CHROMEDRIVER", "");
    private final Path work = Path.of(env("BENCH_WORK", "/tmp"));
    private final Path results = Path.of(env("BENCH_RESULTS_FILE", "/tmp/video-latency.md"));
    private final String nginxPidFile = env("BENCH_NGINX_PID_FILE", "");

    private final HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final BlockingQueue<Arrived> videoFrames = new LinkedBlockingQueue<>();
    private final List<Process> running = Collections.synchronizedList(new ArrayList<>());

    record Arrived(long atMillis, JsonObject frame) {}

    public static void main(String[] args) throws Exception {
        new VideoLatency().run();
    }

    private void run() throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> running.forEach(Process::destroy)));
        Vertx vertx = Vertx.vertx();
        AppClient app = new AppClient(vertx, appHost, appPort);
        String host = app.login("host@demo.originlive.org", "originlive-demo");
        JsonObject products = app.call("GET", "/api/products?q=kivu", null, null);
        if (products.getJsonArray("items").isEmpty()) {
            products = app.call("GET", "/api/products", null, null);
        }
        String productId = products.getJsonArray("items").getJsonObject(0).getString("id");
        Instant now = Instant.now();
        JsonObject sale = app.call("POST", "/api/sales", host, new JsonObject()
                .put("title", "Video latency bench")
                .put("startsAt", now.plusSeconds(60).toString())
                .put("endsAt", now.plusSeconds(7200).toString())
                .put("items", new JsonArray().add(new JsonObject()
                        .put("productId", productId)
                        .put("salePriceMinor", 4900)
                        .put("quantity", 1)
                        .put("perCustomerLimit", 1))));
        String saleId = sale.getString("id");
        app.call("POST", "/api/sales/" + saleId + "/start", host, null);
        JsonObject stream = app.call("GET", "/api/sales/" + saleId + "/stream", host, null);
        String publishUrl = stream.getString("ingestUrl") + "/" + stream.getString("streamKey");
        log("sale %s LIVE, stream %s", saleId, stream.getString("status"));

        // One viewer socket: every video frame with its arrival time.
        vertx.createHttpClient(new HttpClientOptions()).webSocket(new WebSocketConnectOptions()
                        .setHost(appHost).setPort(appPort).setURI("/ws/sales/" + saleId))
                .onSuccess(ws -> ws.textMessageHandler(text -> {
                    JsonObject frame = new JsonObject(text);
                    if ("video".equals(frame.getString("type"))) {
                        videoFrames.add(new Arrived(System.currentTimeMillis(), frame));
                    }
                }))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        // CPU with the sale open, the viewer connected and nobody publishing.
        Thread.sleep(3000);
        double[] idleCpu = cpuPercent(cpuSeconds);
        log("CPU idle: app %.2f %%, nginx %.2f %% of a core", idleCpu[0], idleCpu[1]);

        List<Long> toFrame = new ArrayList<>();
        List<Long> toSegment = new ArrayList<>();
        List<Long> toIdle = new ArrayList<>();
        double[] liveCpu = {Double.NaN, Double.NaN};
        for (int i = 1; i <= publishes; i++) {
            videoFrames.clear();
            long t0 = System.currentTimeMillis();
            Process ff = ffmpeg(publishCommand(publishUrl, -1), "ffmpeg-" + i);
            Arrived live = awaitVideo("LIVE", 30);
            String playlist = live.frame().getString("playbackUrl");
            long segmentAt = awaitPlayableSegment(playlist, 30);
            toFrame.add(live.atMillis() - t0);
            toSegment.add(segmentAt - t0);
            if (i == publishes) {
                Thread.sleep(5000);
                liveCpu = cpuPercent(cpuSeconds);
                log("CPU with a publisher live: app %.2f %%, nginx %.2f %% of a core", liveCpu[0], liveCpu[1]);
            }
            videoFrames.clear();
            long stop = System.currentTimeMillis();
            ff.destroy();
            ff.waitFor(10, TimeUnit.SECONDS);
            Arrived idle = awaitVideo("IDLE", 60);
            toIdle.add(idle.atMillis() - stop);
            log("publish %d: LIVE frame %d ms, playable segment %d ms, stop -> IDLE frame %d ms",
                    i, live.atMillis() - t0, segmentAt - t0, idle.atMillis() - stop);
            Thread.sleep(2000);
        }

        Edge edge = driver.isEmpty() ? null : liveEdge(saleId, publishUrl);

        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Sale `%s`, %d publishes.%n%n", saleId, publishes));
        md.append("| measure | median | max | samples |\n|---|---|---|---|\n");
        row(md, "publish → first `video` LIVE frame", toFrame, " ms");
        row(md, "publish → first playable segment", toSegment, " ms");
        row(md, "publisher stops → `video` IDLE frame", toIdle, " ms");
        if (edge != null) {
            row(md, "Chromium: publish → playing, page open before the publish", List.of(edge.publishToPicture), " ms");
            row(md, "Chromium: page load → playing, stream already live", edge.startupMillis, " ms");
            row(md, "Chromium's distance to the live edge, page open before the publish", edge.distances.get(0), " ms");
            for (int j = 1; j < edge.distances.size(); j++) {
                row(md, "Chromium's distance to the live edge, joiner " + j, edge.distances.get(j), " ms");
            }
            row(md, "Chromium's distance to the live edge, all viewers", edge.all(0, edge.distances.size()), " ms");
        }
        md.append(String.format(Locale.ROOT,
                "%nCPU over %d s, %% of one core (/proc/<pid>/stat utime + stime):%n%n"
                        + "| process | idle (sale LIVE, one viewer, no publisher) | publisher live | difference |%n"
                        + "|---|---|---|---|%n"
                        + "| app JVM | %.2f %% | %.2f %% | %+.2f points |%n"
                        + "| nginx (master + worker) | %.2f %% | %.2f %% | %+.2f points |%n%n",
                cpuSeconds, idleCpu[0], liveCpu[0], liveCpu[0] - idleCpu[0], idleCpu[1], liveCpu[1], liveCpu[1] - idleCpu[1]));
        if (edge != null) {
            md.append(String.format(Locale.ROOT,
                    "Chromium %s (headless), player: %s; %d of %d screenshots decoded; "
                            + "a screenshot takes %d ms (median), its midpoint is the time of reading.%n",
                    edge.browser, edge.player, edge.all(0, edge.distances.size()).size(), edge.attempts,
                    median(edge.screenshotMillis)));
        }
        Files.writeString(results, md.toString());
        System.out.println(md);
        vertx.close();
    }

    // ---- publish → LIVE frame, playable segment

    private Process ffmpeg(List<String> command, String logName) throws Exception {
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(logName + ".log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        running.add(p);
        return p;
    }

    /**
     * The brief's publisher: a 1280x720 30 fps test pattern, x264 veryfast zerolatency, keyframe
     * every second, AAC, FLV. With {@code clockBaseMillis >= 0} each frame also carries the wall
     * clock at which the filter saw it (ms since the base; -re paces reading at the frame rate, so
     * that is the frame's capture time): setpts takes RTCTIME (µs), geq draws its bits on a strip
     * cropped from the frame, and the frame numbering is restored before encoding.
     */
    static List<String> publishCommand(String url, long clockBaseMillis) {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "warning", "-nostdin",
                "-re", "-f", "lavfi", "-i", "testsrc=size=1280x720:rate=30", "-f", "lavfi", "-i", "sine"));
        if (clockBaseMillis >= 0) {
            String bit = "mod(floor(T*1000/pow(2,floor(X/" + BLOCK + "))),2)";
            cmd.addAll(List.of("-filter_complex",
                    "[0:v]format=yuv420p,settb=AVTB,setpts=RTCTIME-" + clockBaseMillis * 1000 + ",split[pic][src];"
                            + "[src]crop=" + BITS * BLOCK + ":" + 2 * BLOCK + ":0:0,"
                            + "geq=lum='if(eq(" + bit + ",lt(Y," + BLOCK + ")),235,16)':cb=128:cr=128[bar];"
                            + "[pic][bar]overlay=" + BAR_X + ":" + BAR_Y + ",setpts=N/(30*TB)[v]",
                    "-map", "[v]", "-map", "1:a"));
        }
        cmd.addAll(List.of("-pix_fmt", "yuv420p", "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency",
                "-g", "30", "-c:a", "aac", "-f", "flv", url));
        return cmd;
    }

    private Arrived awaitVideo(String status, int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < deadline) {
            Arrived a = videoFrames.poll(deadline - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
            if (a != null && status.equals(a.frame().getString("status"))) {
                return a;
            }
        }
        throw new IllegalStateException("no video " + status + " frame within " + seconds + " s");
    }

    /** Polls every 50 ms until the playlist answers 200 with a segment that itself answers 200. */
    private long awaitPlayableSegment(String playlist, int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        URI uri = URI.create(playlist);
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> list = plain.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            if (list.statusCode() == 200) {
                String segment = list.body().lines().filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst().orElse(null);
                if (segment != null) {
                    HttpResponse<byte[]> seg = plain.send(HttpRequest.newBuilder(uri.resolve(segment.trim())).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    if (seg.statusCode() == 200 && seg.body().length > 0) {
                        long at = System.currentTimeMillis();
                        log("first playlist: %s", list.body().lines()
                                .filter(l -> l.startsWith("#EXTINF") || l.startsWith("#EXT-X-MEDIA-SEQUENCE")
                                        || l.startsWith("#EXT-X-TARGETDURATION"))
                                .toList());
                        return at;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no playable segment in " + playlist + " within " + seconds + " s");
    }

    // ---- CPU of the app's JVM from /proc/<pid>/stat (utime + stime)

    /** Percent of one core used by the app's JVM and by nginx (master and worker) over {@code seconds}. */
    private double[] cpuPercent(int seconds) throws Exception {
        long nginx = nginxPid();
        double app0 = CpuClock.seconds(appPid), nginx0 = CpuClock.withChildren(nginx);
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double app1 = CpuClock.seconds(appPid), nginx1 = CpuClock.withChildren(nginx);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        return new double[] {100 * (app1 - app0) / elapsed, 100 * (nginx1 - nginx0) / elapsed};
    }

    private long nginxPid() {
        try {
            return nginxPidFile.isEmpty() ? 0 : Long.parseLong(Files.readString(Path.of(nginxPidFile)).trim());
        } catch (Exception e) {
            return 0;
        }
    }

    // ---- Chromium on /live/{id}, through chromedriver's W3C WebDriver API

    static final class Edge {
        /** Distances seen by the viewer who had the page open before the publish, then by each later joiner. */
        final List<List<Long>> distances = new ArrayList<>();
        final List<Long> startupMillis = new ArrayList<>();
        final List<Long> screenshotMillis = new ArrayList<>();
        int attempts;
        long publishToPicture;
        String browser = "?";
        String player = "?";

        List<Long> all(int from, int to) {
            List<Long> out = new ArrayList<>();
            distances.subList(from, to).forEach(out::addAll);
            return out;
        }
    }

    /**
     * Two kinds of viewer: one who has /live/{id} open ("the host will be live soon") when the
     * publish starts, then {@code BENCH_VIDEO_JOINS} who open it while the stream runs. A player
     * that never speeds up keeps the distance it starts at, so each join is sampled on its own.
     */
    private Edge liveEdge(String saleId, String publishUrl) throws Exception {
        int joins = Integer.parseInt(env("BENCH_VIDEO_JOINS", "3"));
        int perViewer = Math.max(5, edgeSeconds / (joins + 1));
        Edge edge = new Edge();
        JsonObject caps = new JsonObject().put("capabilities", new JsonObject().put("alwaysMatch", new JsonObject()
                .put("browserName", "chrome")
                .put("goog:chromeOptions", new JsonObject()
                        .put("binary", "/usr/bin/chromium")
                        .put("args", new JsonArray()
                                .add("--headless").add("--no-sandbox").add("--disable-gpu").add("--disable-quic")
                                .add("--no-first-run").add("--disable-background-networking")
                                .add("--disable-component-update").add("--disable-sync")
                                .add("--autoplay-policy=no-user-gesture-required")
                                .add("--window-size=1400,1000")
                                .add("--user-data-dir=" + work.resolve("chromium-profile"))))));
        JsonObject created = wd("POST", "/session", caps);
        String session = created.getString("sessionId");
        edge.browser = created.getJsonObject("capabilities").getString("browserVersion");
        String page = "http://" + appHost + ":" + appPort + "/live/" + saleId;
        Process ff = null;
        try {
            wd("POST", "/session/" + session + "/url", new JsonObject().put("url", page));
            Thread.sleep(3000); // the page is up and idle
            videoFrames.clear();
            long baseMillis = System.currentTimeMillis();
            ff = ffmpeg(publishCommand(publishUrl, baseMillis), "ffmpeg-clock");
            awaitVideo("LIVE", 30);
            edge.publishToPicture = awaitPlaying(session) - baseMillis;
            edge.player = String.valueOf(script(session,
                    "const v = document.querySelector('video');"
                            + "return v.src && v.src.startsWith('http') ? 'native HLS' : 'hls.js (MSE)';"));
            log("waiting viewer: publish -> playing %d ms (%s)", edge.publishToPicture, edge.player);
            edge.distances.add(sample(session, baseMillis, perViewer, edge));
            for (int j = 1; j <= joins; j++) {
                long opened = System.currentTimeMillis();
                wd("POST", "/session/" + session + "/url", new JsonObject().put("url", page));
                long playing = awaitPlaying(session);
                edge.startupMillis.add(playing - opened);
                log("joiner %d: page load -> playing %d ms", j, playing - opened);
                edge.distances.add(sample(session, baseMillis, perViewer, edge));
            }
        } finally {
            try {
                wd("DELETE", "/session/" + session, null);
            } finally {
                if (ff != null) {
                    ff.destroy();
                    ff.waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
        return edge;
    }

    private long awaitPlaying(String session) throws Exception {
        String playing = "const v = document.querySelector('video');"
                + "return !!v && !v.paused && v.currentTime > 0 && v.readyState >= 2;";
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Boolean.TRUE.equals(script(session, playing))) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the page's video did not start playing within 60 s");
            }
            Thread.sleep(100);
        }
        return System.currentTimeMillis();
    }

    /** Screenshots once a second for {@code seconds} (after 2 s of settling): now minus the clock on screen. */
    private List<Long> sample(String session, long baseMillis, int seconds, Edge edge) throws Exception {
        List<Long> distances = new ArrayList<>();
        Thread.sleep(2000);
        long end = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < end) {
            edge.attempts++;
            JsonObject r = (JsonObject) script(session,
                    "const v = document.querySelector('video'); const b = v.getBoundingClientRect();"
                            + "return {x: b.x, y: b.y, w: b.width, h: b.height, vw: v.videoWidth, vh: v.videoHeight,"
                            + " dpr: window.devicePixelRatio, t: v.currentTime};");
            long before = System.currentTimeMillis();
            String png = wd("GET", "/session/" + session + "/screenshot", null).getString("value");
            long after = System.currentTimeMillis();
            BufferedImage shot = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png)));
            edge.screenshotMillis.add(after - before);
            Long shown = decodeClock(shot, r);
            if (shown != null) {
                long distance = (before + after) / 2 - (baseMillis + shown);
                distances.add(distance);
                log("live edge: %d ms behind (screenshot %d ms, currentTime %.2f s)",
                        distance, after - before, r.getDouble("t"));
                ImageIO.write(shot, "png", work.resolve("live-edge.png").toFile());
            } else {
                log("screenshot %d: clock strip not readable", edge.attempts);
            }
            Thread.sleep(1000);
        }
        return distances;
    }

    /** The burnt-in clock of the frame on screen, or null when a block does not read as bit/complement. */
    static Long decodeClock(BufferedImage shot, JsonObject r) {
        double dpr = r.getDouble("dpr", 1.0);
        double boxX = r.getDouble("x") * dpr, boxY = r.getDouble("y") * dpr;
        double boxW = r.getDouble("w") * dpr, boxH = r.getDouble("h") * dpr;
        double vw = r.getDouble("vw"), vh = r.getDouble("vh");
        if (vw <= 0 || vh <= 0) {
            return null;
        }
        // object-fit: contain
        double scale = Math.min(boxW / vw, boxH / vh);
        double left = boxX + (boxW - vw * scale) / 2, top = boxY + (boxH - vh * scale) / 2;
        scale *= vw / VIDEO_W; // the strip is placed in 1280-wide video coordinates
        long value = 0;
        for (int bit = 0; bit < BITS; bit++) {
            double cx = left + (BAR_X + bit * BLOCK + BLOCK / 2.0) * scale;
            int upper = luma(shot, cx, top + (BAR_Y + BLOCK / 2.0) * scale);
            int lower = luma(shot, cx, top + (BAR_Y + BLOCK * 1.5) * scale);
            if (Math.abs(upper - lower) < 100) {
                return null;
            }
            if (upper > lower) {
                value |= 1L << bit;
            }
        }
        return value;
    }

    private static int luma(BufferedImage img, double x, double y) {
        int sum = 0, n = 0;
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                int px = (int) Math.round(x) + dx, py = (int) Math.round(y) + dy;
                if (px < 0 || py < 0 || px >= img.getWidth() || py >= img.getHeight()) {
                    continue;
                }
                int rgb = img.getRGB(px, py);
                sum += (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private Object script(String session, String body) throws Exception {
        return wd("POST", "/session/" + session + "/execute/sync",
                new JsonObject().put("script", body).put("args", new JsonArray())).getValue("value");
    }

    private JsonObject wd(String method, String path, JsonObject body) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(driver + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        req.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()));
        HttpResponse<String> resp = plain.send(req.build(), HttpResponse.BodyHandlers.ofString());
        if (resp.statusCode() >= 300) {
            throw new IllegalStateException("WebDriver " + method + " " + path + " -> " + resp.statusCode() + " " + resp.body());
        }
        JsonObject answer = new JsonObject(resp.body());
        Object value = answer.getValue("value");
        // New session answers {value: {sessionId, capabilities}}.
        return "/session".equals(path) && value instanceof JsonObject v ? v : answer;
    }

    // ---- figures

    private static void row(StringBuilder md, String name, List<Long> values, String unit) {
        if (values.isEmpty()) {
            md.append("| ").append(name).append(" | – | – | 0 |\n");
            return;
        }
        md.append(String.format(Locale.ROOT, "| %s | %,d%s | %,d%s | %s |%n", name, median(values), unit,
                Collections.max(values), unit,
                values.size() <= 6 ? values.toString() : values.size() + ", min " + Collections.min(values) + unit));
    }

    static long median(List<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static void log(String format, Object... args) {
        System.out.println("  " + String.format(Locale.ROOT, format, args));
    }
}
