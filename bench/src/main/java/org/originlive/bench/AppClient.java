package org.originlive.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Blocking helpers for set-up calls and /q/metrics, plus the pooled client the closed loops share. */
final class AppClient {

    final HttpClient http;

    AppClient(Vertx vertx, String host, int port) {
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setDefaultHost(host)
                .setDefaultPort(port)
                .setMaxPoolSize(512)
                .setKeepAlive(true));
    }

    JsonObject call(String method, String uri, String token, JsonObject body) throws Exception {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(method))
                .setURI(uri)
                .putHeader("Content-Type", "application/json");
        if (token != null) {
            options.putHeader("Authorization", "Bearer " + token);
        }
        Future<JsonObject> answer = http.request(options)
                .compose(req -> body == null ? req.send() : req.send(body.encode()))
                .compose(resp -> resp.body().map(b -> {
                    if (resp.statusCode() >= 300) {
                        throw new IllegalStateException(method + " " + uri + " -> " + resp.statusCode() + " " + b);
                    }
                    return b.length() == 0 ? new JsonObject() : new JsonObject(b);
                }));
        return await(answer);
    }

    String login(String email, String password) throws Exception {
        return call("POST", "/api/auth/login", null, new JsonObject().put("email", email).put("password", password))
                .getString("accessToken");
    }

    /** Every sample line of /q/metrics, keyed by name and labels. */
    Map<String, Double> metrics() throws Exception {
        Buffer body = await(http.request(HttpMethod.GET, "/q/metrics")
                .compose(req -> req.send())
                .compose(resp -> resp.body()));
        Map<String, Double> values = new HashMap<>();
        for (String line : body.toString().split("\n")) {
            if (line.startsWith("#") || !line.contains(" ")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            try {
                values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            } catch (NumberFormatException ignored) {
                // not a sample line
            }
        }
        return values;
    }

    /** Sum of the samples whose name (with labels) starts with {@code prefix}. */
    static double sum(Map<String, Double> metrics, String prefix) {
        double total = 0;
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                total += e.getValue();
            }
        }
        return total;
    }

    /** Highest sample whose name matches. */
    static double max(Map<String, Double> metrics, String prefix) {
        double best = Double.NaN;
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
            if (e.getKey().startsWith(prefix) && (Double.isNaN(best) || e.getValue() > best)) {
                best = e.getValue();
            }
        }
        return best;
    }

    /** Name (without labels) of the first app metric of group-commit batch sizes, or null. */
    static String batchMetric(Map<String, Double> metrics) {
        return metrics.keySet().stream()
                .map(k -> k.contains("{") ? k.substring(0, k.indexOf('{')) : k)
                .filter(k -> k.startsWith("originlive_") && k.contains("batch") && k.endsWith("_count"))
                .map(k -> k.substring(0, k.length() - "_count".length()))
                .sorted()
                .findFirst()
                .orElse(null);
    }

    static <T> T await(Future<T> future) throws Exception {
        Promise<T> p = Promise.promise();
        future.onComplete(p);
        return p.future().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
