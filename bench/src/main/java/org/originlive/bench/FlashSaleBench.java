package org.originlive.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;

/**
 * A flash sale against a running Origin Live: N buyers in closed loops order one unit each of
 * one hot item through the real API, while V WebSocket viewers watch the sale. Prints one line
 * of JSON with the figures; bench/run.sh turns it into the results table.
 */
public final class FlashSaleBench {

    private final String host;
    private final int port;
    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http;
    private final HttpClient ws;

    private FlashSaleBench(String host, int port) {
        this.host = host;
        this.port = port;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setDefaultHost(host)
                .setDefaultPort(port)
                .setMaxPoolSize(512)
                .setKeepAlive(true));
        this.ws = vertx.createHttpClient(new HttpClientOptions().setMaxWebSockets(100_000));
    }

    public static void main(String[] args) throws Exception {
        String host = env("BENCH_HOST", "localhost");
        int port = Integer.parseInt(env("BENCH_PORT", "8080"));
        int buyers = Integer.parseInt(env("BENCH_BUYERS", "64"));
        int viewers = Integer.parseInt(env("BENCH_VIEWERS", "10000"));
        int warmup = Integer.parseInt(env("BENCH_WARMUP_SECONDS", "10"));
        int duration = Integer.parseInt(env("BENCH_SECONDS", "30"));
        String adminEmail = env("BENCH_ADMIN_EMAIL", "admin@bench.originlive.org");
        String adminPassword = env("BENCH_ADMIN_PASSWORD", "bench-admin-password");
        new FlashSaleBench(host, port).run(buyers, viewers, warmup, duration, adminEmail, adminPassword);
    }

    private void run(int buyers, int viewers, int warmup, int duration, String adminEmail, String adminPassword)
            throws Exception {
        int quantity = 1_000_000;
        String admin = login(adminEmail, adminPassword);
        String coop = call("POST", "/api/cooperatives", admin, new JsonObject()
                        .put("slug", "bench-" + UUID.randomUUID().toString().substring(0, 8))
                        .put("name", "Lake Kivu Mountain Coffee").put("country", "RW").put("region", "Western")
                        .put("story", "bench").put("payoutCurrency", "RWF"))
                .getString("id");
        String product = call("POST", "/api/cooperatives/" + coop + "/products", admin, new JsonObject()
                        .put("sku", "KIVU-250").put("name", "Kivu coffee 250 g").put("description", "bench")
                        .put("unit", "pack").put("priceMinor", 5900).put("currency", "CNY").put("stock", quantity))
                .getString("id");
        String hostToken = staff(admin, "HOST");
        Instant now = Instant.now();
        JsonObject sale = call("POST", "/api/sales", hostToken, new JsonObject()
                .put("title", "Bench flash sale").put("streamUrl", "https://live.example/bench")
                .put("startsAt", now.minusSeconds(1).toString()).put("endsAt", now.plusSeconds(7200).toString())
                .put("items", new JsonArray().add(new JsonObject()
                        .put("productId", product).put("salePriceMinor", 4900)
                        .put("quantity", quantity).put("perCustomerLimit", quantity))));
        String saleId = sale.getString("id");
        String itemId = sale.getJsonArray("items").getJsonObject(0).getString("id");
        System.err.printf("sale %s item %s%n", saleId, itemId);

        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            String email = "bench-buyer-" + UUID.randomUUID() + "@example.com";
            call("POST", "/api/auth/register", null, new JsonObject()
                    .put("email", email).put("password", "bench-password-1").put("displayName", "Buyer " + i));
            tokens.add(login(email, "bench-password-1"));
        }

        Recorder frameDelay = new Recorder(3);
        AtomicLong stockFrames = new AtomicLong();
        AtomicLong viewersOpen = new AtomicLong();
        AtomicBoolean measuring = new AtomicBoolean();
        connectViewers(saleId, viewers, frameDelay, stockFrames, viewersOpen, measuring);
        System.err.printf("%d viewers connected%n", viewersOpen.get());

        Recorder latency = new Recorder(3);
        Map<Integer, AtomicLong> statuses = new TreeMap<>();
        AtomicLong created = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        String body = new JsonObject()
                .put("items", new JsonArray().add(new JsonObject().put("itemId", itemId).put("quantity", 1)))
                .put("shippingAddress", new JsonObject().put("name", "Li Wei").put("line1", "88 Jianguo Road")
                        .put("city", "Beijing").put("country", "CN").put("phone", "+86 10 5555 0100"))
                .encode();
        for (String token : tokens) {
            vertx.runOnContext(v -> buyerLoop(token, saleId, body, running, measuring, latency, statuses, created));
        }
        Thread.sleep(warmup * 1000L);
        latency.reset();
        frameDelay.reset();
        statuses.clear();
        long frames0 = stockFrames.get();
        long created0 = created.get();
        JsonObject metrics0 = metrics();
        measuring.set(true);
        long started = System.nanoTime();
        Thread.sleep(duration * 1000L);
        measuring.set(false);
        double seconds = (System.nanoTime() - started) / 1e9;
        long createdInWindow = created.get() - created0;
        long framesInWindow = stockFrames.get() - frames0;
        JsonObject metrics1 = metrics();
        running.set(false);
        Thread.sleep(3000);

        int remaining = call("GET", "/api/sales/" + saleId, null, null)
                .getJsonArray("items").getJsonObject(0).getInteger("remaining");
        Histogram lat = latency.getIntervalHistogram();
        Histogram delay = frameDelay.getIntervalHistogram();
        JsonObject nonCreated = new JsonObject();
        synchronized (statuses) {
            statuses.forEach((status, count) -> {
                if (status != 201) {
                    nonCreated.put(String.valueOf(status), count.get());
                }
            });
        }
        JsonObject result = new JsonObject()
                .put("saleId", saleId)
                .put("buyers", buyers)
                .put("viewers", viewersOpen.get())
                .put("seconds", Math.round(seconds * 10) / 10.0)
                .put("ordersPerSecond", Math.round(createdInWindow / seconds))
                .put("p50Ms", lat.getValueAtPercentile(50) / 1000.0)
                .put("p95Ms", lat.getValueAtPercentile(95) / 1000.0)
                .put("p99Ms", lat.getValueAtPercentile(99) / 1000.0)
                .put("non201", nonCreated)
                .put("ordersCreatedTotal", created.get())
                .put("stockSold", quantity - remaining)
                .put("exact", created.get() == quantity - remaining)
                .put("stockFramesPerViewerPerSecond",
                        viewersOpen.get() == 0 ? 0 : Math.round(framesInWindow / seconds / viewersOpen.get() * 10) / 10.0)
                .put("frameDelayP50Ms", delay.getTotalCount() == 0 ? null : delay.getValueAtPercentile(50) / 1000.0)
                .put("frameDelayP99Ms", delay.getTotalCount() == 0 ? null : delay.getValueAtPercentile(99) / 1000.0)
                .put("framesDropped", metric(metrics1, "originlive_ws_frames_dropped_total"))
                .put("viewersDropped", metric(metrics1, "originlive_ws_viewers_dropped_total"))
                .put("appHeapMb", Math.round(metric(metrics1, "jvm_memory_used_bytes{area=\"heap\"") / 1e6))
                .put("appCpuSecondsInWindow", Math.round((metric(metrics1, "process_cpu_time_ns_total")
                        - metric(metrics0, "process_cpu_time_ns_total")) / 1e8) / 10.0);
        System.out.println(result.encode());
        vertx.close();
    }

    private void buyerLoop(
            String token,
            String saleId,
            String body,
            AtomicBoolean running,
            AtomicBoolean measuring,
            Recorder latency,
            Map<Integer, AtomicLong> statuses,
            AtomicLong created) {
        if (!running.get()) {
            return;
        }
        long start = System.nanoTime();
        boolean inWindow = measuring.get();
        http.request(new RequestOptions()
                        .setMethod(HttpMethod.POST)
                        .setURI("/api/sales/" + saleId + "/orders")
                        .putHeader("Authorization", "Bearer " + token)
                        .putHeader("Idempotency-Key", UUID.randomUUID().toString())
                        .putHeader("Content-Type", "application/json"))
                .compose(req -> req.send(Buffer.buffer(body)))
                .compose(resp -> resp.body().map(b -> resp.statusCode()))
                .onComplete(ar -> {
                    int status = ar.succeeded() ? ar.result() : -1;
                    if (status == 201) {
                        created.incrementAndGet();
                    }
                    if (inWindow && measuring.get()) {
                        latency.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
                        synchronized (statuses) {
                            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                        }
                    }
                    buyerLoop(token, saleId, body, running, measuring, latency, statuses, created);
                });
    }

    private void connectViewers(
            String saleId,
            int count,
            Recorder delay,
            AtomicLong stockFrames,
            AtomicLong open,
            AtomicBoolean measuring)
            throws Exception {
        int batch = 500;
        for (int from = 0; from < count; from += batch) {
            List<Future<?>> connecting = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + batch); i++) {
                connecting.add(ws.webSocket(new WebSocketConnectOptions()
                                .setHost(host).setPort(port).setURI("/ws/sales/" + saleId))
                        .onSuccess(socket -> {
                            open.incrementAndGet();
                            socket.textMessageHandler(text -> {
                                if (text.startsWith("{\"type\":\"stock\"")) {
                                    stockFrames.incrementAndGet();
                                    Long changedAt = new JsonObject(text).getLong("changedAt");
                                    if (measuring.get() && changedAt != null) {
                                        delay.recordValue(Math.max(1, (System.currentTimeMillis() - changedAt) * 1000));
                                    }
                                }
                            });
                        }));
            }
            Future.join(new ArrayList<>(connecting)).toCompletionStage().toCompletableFuture().exceptionally(e -> null).get();
        }
    }

    private JsonObject metrics() throws Exception {
        Promise<JsonObject> p = Promise.promise();
        http.request(HttpMethod.GET, "/q/metrics")
                .compose(req -> req.send())
                .compose(resp -> resp.body())
                .onSuccess(b -> {
                    JsonObject values = new JsonObject();
                    for (String line : b.toString().split("\n")) {
                        if (!line.startsWith("#") && line.contains(" ")) {
                            int space = line.lastIndexOf(' ');
                            try {
                                values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
                            } catch (NumberFormatException ignored) {
                                // not a sample line
                            }
                        }
                    }
                    p.complete(values);
                })
                .onFailure(p::fail);
        return p.future().toCompletionStage().toCompletableFuture().get();
    }

    private static double metric(JsonObject metrics, String prefix) {
        double sum = 0;
        for (String key : metrics.fieldNames()) {
            if (key.startsWith(prefix)) {
                sum += metrics.getDouble(key);
            }
        }
        return sum;
    }

    private String staff(String admin, String role) throws Exception {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@bench.example";
        call("POST", "/api/admin/users", admin, new JsonObject()
                .put("email", email).put("password", "bench-password-1").put("displayName", role).put("role", role));
        return login(email, "bench-password-1");
    }

    private String login(String email, String password) throws Exception {
        return call("POST", "/api/auth/login", null, new JsonObject().put("email", email).put("password", password))
                .getString("accessToken");
    }

    private JsonObject call(String method, String uri, String token, JsonObject body) throws Exception {
        Promise<JsonObject> p = Promise.promise();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(method)).setURI(uri)
                .putHeader("Content-Type", "application/json");
        if (token != null) {
            options.putHeader("Authorization", "Bearer " + token);
        }
        http.request(options)
                .compose(req -> body == null ? req.send() : req.send(body.encode()))
                .compose(resp -> resp.body().map(b -> {
                    if (resp.statusCode() >= 300) {
                        throw new IllegalStateException(method + " " + uri + " → " + resp.statusCode() + " " + b);
                    }
                    return b.length() == 0 ? new JsonObject() : new JsonObject(b);
                }))
                .onComplete(p);
        return p.future().toCompletionStage().toCompletableFuture().get();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
