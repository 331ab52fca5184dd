package org.originlive.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * A flash sale against a running Origin Live, in one run: an authenticated no-op (GET /api/me), then
 * for each audience size V the same checkout rush (N buyers in closed loops, one unit per order)
 * with V WebSocket viewers watching; for V > 0 also a fan-out-only window (one slow buyer so the
 * stock moves every flush) and the same viewers on the bare Vert.x {@link BaselineServer} receiving
 * the same frames at the same rate. Prints a Markdown table and writes it to BENCH_RESULTS_FILE.
 */
public final class FlashSaleBench {

    // The API's largest sale quantity; a full run sells well under it.
    private static final long QUANTITY = 1_000_000;

    private final Settings s;
    private final Vertx vertx = Vertx.vertx(new VertxOptions());
    private final AppClient app;
    private final AppClient baseline;
    private final Viewers viewers;
    private final AtomicLong confirmedUnits = new AtomicLong();
    private volatile Probes probing;
    private final List<String> notes = new ArrayList<>();

    record Settings(
            String host,
            int port,
            int baselinePort,
            long appPid,
            long baselinePid,
            int buyers,
            List<Integer> audiences,
            int warmup,
            int seconds,
            int fanoutSeconds,
            int sourceAddresses,
            int probeIntervalMs,
            String adminEmail,
            String adminPassword,
            String resultsFile,
            long maxOpenFiles) {

        static Settings fromEnv() {
            boolean quick = "1".equals(System.getenv("BENCH_QUICK"));
            return new Settings(
                    env("BENCH_HOST", "127.0.0.1"),
                    Integer.parseInt(env("BENCH_PORT", "8080")),
                    Integer.parseInt(env("BENCH_BASELINE_PORT", "0")),
                    Long.parseLong(env("BENCH_APP_PID", "0")),
                    Long.parseLong(env("BENCH_BASELINE_PID", "0")),
                    Integer.parseInt(env("BENCH_BUYERS", "64")),
                    Arrays.stream(env("BENCH_VIEWERS", quick ? "0,2000" : "0,2000,10000,20000").split(","))
                            .map(String::trim)
                            .map(Integer::parseInt)
                            .toList(),
                    Integer.parseInt(env("BENCH_WARMUP_SECONDS", quick ? "3" : "10")),
                    Integer.parseInt(env("BENCH_SECONDS", quick ? "5" : "30")),
                    Integer.parseInt(env("BENCH_FANOUT_SECONDS", quick ? "5" : "15")),
                    Integer.parseInt(env("BENCH_SOURCE_ADDRESSES", "32")),
                    Integer.parseInt(env("BENCH_PROBE_INTERVAL_MS", "50")),
                    env("BENCH_ADMIN_EMAIL", "admin@bench.originlive.org"),
                    env("BENCH_ADMIN_PASSWORD", "bench-admin-password"),
                    env("BENCH_RESULTS_FILE", "bench/results/latest.md"),
                    Long.parseLong(env("BENCH_MAX_OPEN_FILES", "1048576")));
        }
    }

    /** One audience size: the rush, then (V > 0) fan-out alone and the bare baseline. */
    record Rush(
            int audience,
            int connected,
            double readySeconds,
            double ordersPerSecond,
            Histogram latency,
            Map<Integer, Long> failures,
            Histogram responseToFrame,
            long probesUnmatched,
            double framesPerSecond,
            double appCpuPerSecond,
            double generatorCpuPerSecond,
            double heapMb,
            String batch,
            long viewersDropped) {}

    record FanOut(double framesPerViewerPerSecond, double bytesPerFrame, double appMicrosPerFrame,
            double baselineMicrosPerFrame, double baselineFramesPerViewerPerSecond) {}

    private FlashSaleBench(Settings s) {
        this.s = s;
        this.app = new AppClient(vertx, s.host(), s.port());
        this.baseline = s.baselinePort() > 0 ? new AppClient(vertx, s.host(), s.baselinePort()) : null;
        this.viewers = new Viewers(vertx, s.host(), s.sourceAddresses(), QUANTITY);
    }

    public static void main(String[] args) throws Exception {
        try {
            new FlashSaleBench(Settings.fromEnv()).run();
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private void run() throws Exception {
        String admin = app.login(s.adminEmail(), s.adminPassword());
        JsonObject sale = createSale(admin);
        String saleId = sale.getString("id");
        String itemId = sale.getJsonArray("items").getJsonObject(0).getString("id");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i <= s.buyers(); i++) {
            String email = "bench-buyer-" + UUID.randomUUID() + "@example.com";
            app.call("POST", "/api/auth/register", null, new JsonObject()
                    .put("email", email).put("password", "bench-password-1").put("displayName", "Buyer " + i));
            tokens.add(app.login(email, "bench-password-1"));
        }
        String trickleToken = tokens.remove(tokens.size() - 1);
        log("sale %s item %s, %d buyers", saleId, itemId, tokens.size());

        Buffer order = Buffer.buffer(new JsonObject()
                .put("items", new JsonArray().add(new JsonObject().put("itemId", itemId).put("quantity", 1)))
                .put("shippingAddress", new JsonObject().put("name", "Li Wei").put("line1", "88 Jianguo Road")
                        .put("city", "Beijing").put("country", "CN").put("phone", "+86 10 5555 0100"))
                .encode());
        // JIT warm-up of both paths before anything is measured.
        Load warmBuyers = buyers(tokens.size(), tokens, saleId, order, 0);
        noop(tokens, s.warmup(), 1);
        warmBuyers.stop();
        Noop noop = noop(tokens, s.warmup(), s.seconds());
        log("no-op GET /api/me: %.0f/s, p99 %.1f ms", noop.perSecond(), noop.latency().getValueAtPercentile(99) / 1000.0);

        List<Rush> rushes = new ArrayList<>();
        List<FanOut> fanOuts = new ArrayList<>();
        for (int audience : s.audiences()) {
            // Each viewer is a socket in the app and one in the generator, which share the limit here.
            if (audience + 2_000 > s.maxOpenFiles()) {
                notes.add(String.format("V=%d skipped: the open-file limit here is %d (hard limit; raise it to run this size)",
                        audience, s.maxOpenFiles()));
                continue;
            }
            long c0 = System.nanoTime();
            int connected = viewers.connect(s.port(), "/ws/sales/" + saleId, audience, true);
            double readySeconds = (System.nanoTime() - c0) / 1e9;
            if (connected < audience) {
                notes.add(String.format("V=%d: only %d viewers connected", audience, connected));
            }
            Rush rush = rush(audience, connected, readySeconds, tokens, saleId, order);
            rushes.add(rush);
            log("V=%d: %.0f orders/s, p99 %.1f ms, generator CPU %.0f%%", audience, rush.ordersPerSecond(),
                    rush.latency().getValueAtPercentile(99) / 1000.0, rush.generatorCpuPerSecond() * 100);
            fanOuts.add(connected > 0 ? fanOut(connected, trickleToken, saleId, order) : null);
            viewers.closeAll();
            awaitAppViewers(0);
        }
        String table = Report.table(s, noop, rushes, fanOuts, notes, saleId, confirmedUnits.get());
        Path out = Path.of(s.resultsFile());
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table);
        System.err.println("written to " + out);
    }

    private JsonObject createSale(String admin) throws Exception {
        String coop = app.call("POST", "/api/cooperatives", admin, new JsonObject()
                        .put("slug", "bench-" + UUID.randomUUID().toString().substring(0, 8))
                        .put("name", "Lake Kivu Mountain Coffee").put("country", "RW").put("region", "Western")
                        .put("story", "bench").put("payoutCurrency", "RWF"))
                .getString("id");
        String product = app.call("POST", "/api/cooperatives/" + coop + "/products", admin, new JsonObject()
                        .put("sku", "KIVU-250").put("name", "Kivu coffee 250 g").put("description", "bench")
                        .put("unit", "pack").put("priceMinor", 5900).put("currency", "CNY").put("stock", QUANTITY))
                .getString("id");
        String email = "host-" + UUID.randomUUID() + "@bench.example";
        app.call("POST", "/api/admin/users", admin, new JsonObject()
                .put("email", email).put("password", "bench-password-1").put("displayName", "Host").put("role", "HOST"));
        String host = app.login(email, "bench-password-1");
        Instant now = Instant.now();
        return app.call("POST", "/api/sales", host, new JsonObject()
                .put("title", "Bench flash sale").put("streamUrl", "https://live.example/bench")
                .put("startsAt", now.minusSeconds(1).toString()).put("endsAt", now.plusSeconds(7200).toString())
                .put("items", new JsonArray().add(new JsonObject()
                        .put("productId", product).put("salePriceMinor", 4900)
                        .put("quantity", QUANTITY).put("perCustomerLimit", QUANTITY))));
    }

    record Noop(double perSecond, Histogram latency) {}

    private Noop noop(List<String> tokens, int warmup, int seconds) throws Exception {
        AtomicLong turn = new AtomicLong();
        Load load = new Load(vertx, app.http).start(tokens.size(), () -> new RequestOptions()
                        .setMethod(HttpMethod.GET)
                        .setURI("/api/me")
                        .putHeader("Authorization", "Bearer " + tokens.get((int) (turn.getAndIncrement() % tokens.size()))),
                () -> null, 0, null);
        Load.sleep(warmup);
        long ok0 = load.ok();
        long t0 = System.nanoTime();
        load.measure();
        Load.sleep(seconds);
        Histogram latency = load.endMeasure();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double perSecond = (load.ok() - ok0) / elapsed;
        load.stop();
        return new Noop(perSecond, latency);
    }

    private Load buyers(int count, List<String> tokens, String saleId, Buffer order, long pauseMs) {
        AtomicLong turn = new AtomicLong();
        return new Load(vertx, app.http).start(count, () -> new RequestOptions()
                        .setMethod(HttpMethod.POST)
                        .setURI("/api/sales/" + saleId + "/orders")
                        .putHeader("Authorization", "Bearer " + tokens.get((int) (turn.getAndIncrement() % tokens.size())))
                        .putHeader("Idempotency-Key", UUID.randomUUID().toString())
                        .putHeader("Content-Type", "application/json"),
                () -> order, pauseMs, (status, now) -> {
                    if (status == 201) {
                        long units = confirmedUnits.incrementAndGet();
                        Probes p = probing;
                        if (p != null) {
                            p.offer(units, now);
                        }
                    }
                });
    }

    private Rush rush(int audience, int connected, double readySeconds, List<String> tokens, String saleId, Buffer order) throws Exception {
        Load load = buyers(tokens.size(), tokens, saleId, order, 0);
        Load.sleep(s.warmup());
        Probes probes = new Probes(s.seconds() * 1000 / Math.max(1, s.probeIntervalMs()) + 16,
                s.probeIntervalMs() * 1_000_000L);
        viewers.probes = probes;
        Map<String, Double> m0 = app.metrics();
        long closed0 = viewers.closedByServer.sum();
        long frames0 = viewers.frames.sum();
        long created0 = load.ok();
        double app0 = CpuClock.seconds(s.appPid());
        double self0 = CpuClock.self();
        long t0 = System.nanoTime();
        probing = probes;
        load.measure();
        Load.sleep(s.seconds());
        Histogram latency = load.endMeasure();
        probing = null;
        double seconds = (System.nanoTime() - t0) / 1e9;
        double appCpu = CpuClock.seconds(s.appPid()) - app0;
        double selfCpu = CpuClock.self() - self0;
        long frames = viewers.frames.sum() - frames0;
        long created = load.ok() - created0;
        Map<Integer, Long> failures = load.failures();
        Map<String, Double> m1 = app.metrics();
        load.stop();
        // The last value always arrives: give the viewers time to see the window's last probes.
        Load.sleep(2);
        Histogram delay = probes.delay.getIntervalHistogram();
        long unmatched = viewers.unmatched();
        viewers.probes = null;
        long dropped = Math.round(AppClient.sum(m1, "originlive_ws_viewers_dropped_total")
                - AppClient.sum(m0, "originlive_ws_viewers_dropped_total"));
        dropped = Math.max(dropped, viewers.closedByServer.sum() - closed0);
        return new Rush(audience, connected, readySeconds, created / seconds, latency, failures, delay, unmatched,
                frames / seconds, appCpu / seconds, selfCpu / seconds,
                AppClient.sum(m1, "jvm_memory_used_bytes{area=\"heap\"") / 1e6, batch(m0, m1), dropped);
    }

    private static String batch(Map<String, Double> m0, Map<String, Double> m1) {
        String name = AppClient.batchMetric(m1);
        if (name == null) {
            return "n/a (not exposed)";
        }
        double count = AppClient.sum(m1, name + "_count") - AppClient.sum(m0, name + "_count");
        double sum = AppClient.sum(m1, name + "_sum") - AppClient.sum(m0, name + "_sum");
        double max = AppClient.max(m1, name + "_max");
        return count == 0 ? "no batches" : String.format("mean %.1f, max %.0f (%s)", sum / count, max, name);
    }

    private FanOut fanOut(int connected, String trickleToken, String saleId, Buffer order) throws Exception {
        // One buyer every 50 ms: the stock moves before every flush, so viewers get the full frame rate.
        Load trickle = buyers(1, List.of(trickleToken), saleId, order, 50);
        Load.sleep(2);
        long frames0 = viewers.frames.sum();
        long bytes0 = viewers.bytes.sum();
        double app0 = CpuClock.seconds(s.appPid());
        long t0 = System.nanoTime();
        Load.sleep(s.fanoutSeconds());
        double seconds = (System.nanoTime() - t0) / 1e9;
        double appCpu = CpuClock.seconds(s.appPid()) - app0;
        long frames = viewers.frames.sum() - frames0;
        long bytes = viewers.bytes.sum() - bytes0;
        trickle.stop();
        double perViewer = frames / seconds / connected;
        double bytesPerFrame = frames == 0 ? 0 : (double) bytes / frames;
        double appMicros = frames == 0 ? Double.NaN : appCpu * 1e6 / frames;
        String frame = viewers.sampleStockFrame;
        viewers.closeAll();
        awaitAppViewers(0);
        if (baseline == null || frames == 0 || frame == null) {
            return new FanOut(perViewer, bytesPerFrame, appMicros, Double.NaN, Double.NaN);
        }
        int open = viewers.connect(s.baselinePort(), "/", connected, false);
        AppClient.await(baseline.http.request(HttpMethod.POST, "/push?perSecond=" + perViewer)
                .compose(req -> req.send(frame))
                .compose(resp -> resp.body()));
        Load.sleep(2);
        long bf0 = viewers.frames.sum();
        double base0 = CpuClock.seconds(s.baselinePid());
        long b0 = System.nanoTime();
        Load.sleep(s.fanoutSeconds());
        double bSeconds = (System.nanoTime() - b0) / 1e9;
        double baseCpu = CpuClock.seconds(s.baselinePid()) - base0;
        long bFrames = viewers.frames.sum() - bf0;
        AppClient.await(baseline.http.request(HttpMethod.POST, "/stop")
                .compose(req -> req.send())
                .compose(resp -> resp.body()));
        return new FanOut(perViewer, bytesPerFrame, appMicros,
                bFrames == 0 ? Double.NaN : baseCpu * 1e6 / bFrames, bFrames / bSeconds / Math.max(1, open));
    }

    /** Waits (up to 30 s) until the app counts {@code expected} open viewers, so phases do not overlap. */
    private void awaitAppViewers(int expected) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (Math.round(AppClient.sum(app.metrics(), "originlive_ws_connections")) <= expected) {
                return;
            }
            Thread.sleep(100);
        }
        notes.add("the app still counted open viewers 30 s after they closed");
    }

    private static void log(String format, Object... args) {
        System.err.printf("[bench] " + format + "%n", args);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
