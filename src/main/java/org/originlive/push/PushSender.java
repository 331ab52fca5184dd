package org.originlive.push;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.originlive.common.OutboundGuard;

/**
 * One attempt at one notice to one browser: claim it, encrypt it for that browser (RFC 8291),
 * sign for the push service (VAPID), POST it through the address guard and record the outcome.
 * 2xx sent; 404/410 the browser is gone (its subscription deleted); other 4xx but 429 failed for
 * good; 429, 5xx, a timeout or no connection tried again with back-off; a refused address
 * disables the subscription.
 */
// Created at start-up: its meters are exported before the first notice.
@io.quarkus.runtime.Startup
@ApplicationScoped
class PushSender {

    static final String METRIC = "originlive.push.deliveries";
    static final String[] OUTCOMES = {"sent", "retry", "gone", "failed", "refused"};

    private final PushRepository repository;
    private final OutboundGuard guard;
    private final VapidKeys keys;
    private final PushConfig config;
    private final Clock clock;
    private final MeterRegistry registry;
    private final SecureRandom random = new SecureRandom();

    PushSender(
            PushRepository repository,
            OutboundGuard guard,
            VapidKeys keys,
            PushConfig config,
            Clock clock,
            MeterRegistry registry) {
        this.repository = repository;
        this.guard = guard;
        this.keys = keys;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
        // Registered up front so dashboards see zeros, not gaps.
        for (String outcome : OUTCOMES) {
            io.micrometer.core.instrument.Counter.builder(METRIC)
                    .description(
                            "Web Push deliveries by outcome: sent, retry, gone (404/410), failed, refused (address guard)")
                    .tag("outcome", outcome)
                    .register(registry);
        }
    }

    /** Never fails: every outcome is written to the notice's row. */
    Uni<Void> attempt(UUID id) {
        return repository
                .claim(id)
                .flatMap(claimed -> claimed.isEmpty() ? Uni.createFrom().voidItem() : send(claimed.get()))
                .onFailure()
                .recoverWithUni(e -> {
                    Log.warnf("Push notice %s: %s", id, e.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<Void> send(PushRepository.Claimed c) {
        if (c.disabled()) {
            return finished(c, "failed", "FAILED", null, "subscription disabled");
        }
        byte[] body;
        try {
            byte[] salt = new byte[16];
            random.nextBytes(salt);
            body = Aes128gcm.encrypt(
                    c.payload().getBytes(StandardCharsets.UTF_8),
                    P256.publicKey(c.to().p256dh()),
                    c.to().auth(),
                    VapidKeys.generate(),
                    salt);
        } catch (IllegalArgumentException e) {
            return finished(c, "failed", "FAILED", null, e.getMessage());
        }
        return guard.post(c.to().endpoint(), headers(c), body, config.timeout())
                .flatMap(reply -> answered(c, reply.status()))
                .onFailure(OutboundGuard.Refused.class)
                .recoverWithUni(e -> repository
                        .disable(c.to().id(), e.getMessage())
                        .flatMap(x -> finished(c, "refused", "FAILED", null, "refused: " + e.getMessage())))
                .onFailure(e -> !(e instanceof OutboundGuard.Refused))
                .recoverWithUni(e -> retry(c, null, e.getClass().getSimpleName()));
    }

    private Map<String, String> headers(PushRepository.Claimed c) {
        // The notice's id as Topic: a copy sent again after a timeout replaces one the service still holds.
        byte[] topic = ByteBuffer.allocate(16)
                .putLong(c.id().getMostSignificantBits())
                .putLong(c.id().getLeastSignificantBits())
                .array();
        return Map.of(
                "Authorization",
                keys.authorization(URI.create(c.to().endpoint()), clock.instant()),
                "TTL",
                Long.toString(config.ttl().toSeconds()),
                "Content-Encoding",
                "aes128gcm",
                "Content-Type",
                "application/octet-stream",
                "Urgency",
                "high",
                "Topic",
                P256.base64url(topic));
    }

    private Uni<Void> answered(PushRepository.Claimed c, int status) {
        if (status >= 200 && status < 300) {
            return finished(c, "sent", "SENT", status, null);
        }
        if (status == 404 || status == 410) {
            registry.counter(METRIC, "outcome", "gone").increment();
            return repository.gone(c.to().id());
        }
        if (status == 429 || status >= 500) {
            return retry(c, status, "HTTP " + status);
        }
        return finished(c, "failed", "FAILED", status, "HTTP " + status);
    }

    private Uni<Void> retry(PushRepository.Claimed c, Integer status, String error) {
        if (c.attempts() >= config.maxAttempts()) {
            return finished(c, "failed", "FAILED", status, error + " (last attempt)");
        }
        Duration wait = config.retryBackoff().multipliedBy(1L << Math.min(20, c.attempts() - 1));
        Duration capped = wait.compareTo(config.retryBackoffMax()) > 0 ? config.retryBackoffMax() : wait;
        registry.counter(METRIC, "outcome", "retry").increment();
        return repository.finish(c.id(), "RETRY", status, error, clock.instant().plus(capped));
    }

    private Uni<Void> finished(PushRepository.Claimed c, String outcome, String status, Integer code, String error) {
        registry.counter(METRIC, "outcome", outcome).increment();
        return repository.finish(c.id(), status, code, error, null);
    }
}
