package org.originlive.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.originlive.common.OutboundGuard;

/**
 * One attempt at one delivery: claim it, sign the event's stored body with every secret that
 * signs now (new first), POST it through the outbound guard (address checked again, no
 * redirects), and record the outcome with its log line. A 2xx delivers; anything else, a refusal
 * or a timeout is a failed attempt, retried on the schedule until it runs out (at least once:
 * receivers drop repeats by event id).
 */
// Created at start-up: its meters are exported before the first delivery.
@io.quarkus.runtime.Startup
@ApplicationScoped
class WebhookSender {

    static final String USER_AGENT = "OriginLive-Webhooks/1.0";
    private static final String METRIC = "originlive.webhook.deliveries";

    private final DeliveryRepository deliveries;
    private final WebhookSecrets secrets;
    private final OutboundGuard guard;
    private final WebhookConfig config;
    private final RetrySchedule schedule;
    private final Clock clock;
    private final MeterRegistry registry;

    WebhookSender(
            DeliveryRepository deliveries,
            WebhookSecrets secrets,
            OutboundGuard guard,
            WebhookConfig config,
            Clock clock,
            MeterRegistry registry) {
        this.deliveries = deliveries;
        this.secrets = secrets;
        this.guard = guard;
        this.config = config;
        this.schedule = new RetrySchedule(config.retrySchedule());
        this.clock = clock;
        this.registry = registry;
        // Registered up front so dashboards see zeros, not gaps.
        for (String outcome : List.of("delivered", "retry", "failed")) {
            Counter.builder(METRIC)
                    .description("Webhook delivery attempts by outcome: delivered, retry (failed, to be retried),"
                            + " failed (given up)")
                    .tag("outcome", outcome)
                    .register(registry);
        }
    }

    /** Never fails: every outcome is written to the delivery and its log. */
    Uni<Void> attempt(UUID id) {
        return deliveries
                .claim(id)
                .flatMap(claimed -> claimed.isEmpty() ? Uni.createFrom().voidItem() : send(claimed.get()))
                .onFailure()
                .recoverWithUni(e -> {
                    Log.warnf("Webhook delivery %s: %s", id, e.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<Void> send(DeliveryRepository.Claimed c) {
        Instant started = clock.instant();
        byte[] body = c.body().getBytes(StandardCharsets.UTF_8);
        return Uni.createFrom()
                .item(() -> headers(c, started, body))
                .flatMap(headers -> guard.post(c.url(), headers, body, config.timeout()))
                .ifNoItem()
                .after(config.timeout().multipliedBy(3))
                .fail()
                .map(reply -> reply.status() >= 200 && reply.status() < 300
                        ? outcome(c, started, "DELIVERED", reply.status(), null)
                        : outcome(c, started, "FAILED", reply.status(), "HTTP " + reply.status()))
                .onFailure()
                .recoverWithItem(e -> outcome(c, started, "FAILED", null, error(e)))
                .flatMap(o -> deliveries.finish(c.id(), o));
    }

    private Map<String, String> headers(DeliveryRepository.Claimed c, Instant now, byte[] body) {
        List<String> signing = new ArrayList<>();
        signing.add(secrets.decrypt(c.endpointId(), c.secret()));
        if (c.previousSecret() != null && c.previousUntil() != null && now.isBefore(c.previousUntil())) {
            signing.add(secrets.decrypt(c.endpointId(), c.previousSecret()));
        }
        return Map.of(
                "Content-Type", "application/json",
                "User-Agent", USER_AGENT,
                "Origin-Live-Event-Id", c.eventId().toString(),
                "Origin-Live-Event-Type", c.type(),
                "Origin-Live-Signature", WebhookSecrets.header(now.getEpochSecond(), body, signing));
    }

    /** What the log keeps of a failure: safe text, never a stack trace. */
    static String error(Throwable e) {
        String text = e instanceof OutboundGuard.Refused
                ? "refused: " + e.getMessage()
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() > 300 ? text.substring(0, 300) : text;
    }

    private DeliveryRepository.Outcome outcome(
            DeliveryRepository.Claimed c, Instant started, String result, Integer code, String error) {
        Instant now = clock.instant();
        Duration took = Duration.between(started, now);
        if (result.equals("DELIVERED")) {
            registry.counter(METRIC, "outcome", "delivered").increment();
            return new DeliveryRepository.Outcome("DELIVERED", code, null, took, null);
        }
        return schedule.next(c.attempts(), now)
                .map(at -> {
                    registry.counter(METRIC, "outcome", "retry").increment();
                    return new DeliveryRepository.Outcome("RETRY", code, error, took, at);
                })
                .orElseGet(() -> {
                    registry.counter(METRIC, "outcome", "failed").increment();
                    return new DeliveryRepository.Outcome("FAILED", code, error + " (last attempt)", took, null);
                });
    }
}
