package org.originlive.payout;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** The reactive HTTP client providers share, with every call bounded by the payout timeout. */
@ApplicationScoped
public class ProviderHttp {

    private final WebClient client;
    private final Duration timeout;

    ProviderHttp(Vertx vertx, PayoutConfig config) {
        this.timeout = config.timeout();
        this.client = WebClient.create(
                vertx,
                new WebClientOptions()
                        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                        .setIdleTimeout((int) Math.max(1, timeout.toSeconds()))
                        .setFollowRedirects(false));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    HttpRequest<Buffer> request(io.vertx.core.http.HttpMethod method, String url) {
        return client.requestAbs(method, url).timeout(timeout.toMillis());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static JsonObject json(HttpResponse<Buffer> response) {
        try {
            return response.bodyAsJsonObject();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** An OAuth access token cached until shortly before it expires. */
    static final class Token {

        private record Held(String value, Instant until) {}

        private final AtomicReference<Held> held = new AtomicReference<>();

        Uni<String> get(Supplier<Uni<JsonObject>> fetch) {
            Held now = held.get();
            if (now != null && Instant.now().isBefore(now.until())) {
                return Uni.createFrom().item(now.value());
            }
            return fetch.get().map(body -> {
                String value = body.getString("access_token");
                if (value == null) {
                    throw new IllegalStateException("no access_token in the token response");
                }
                long seconds = Long.parseLong(String.valueOf(body.getValue("expires_in", "60")));
                held.set(new Held(value, Instant.now().plusSeconds(Math.max(0, seconds - 30))));
                return value;
            });
        }

        void forget() {
            held.set(null);
        }
    }
}
