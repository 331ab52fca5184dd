package org.originlive.phone;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;
import org.originlive.fulfillment.FulfillmentApi;
import org.originlive.fulfillment.FulfillmentService;

/**
 * One attempt at one SMS: claim it (so nobody else sends it), write its text in the cooperative's
 * language, send, and record the outcome. Retries only when the provider said it sent nothing; a
 * timeout or a broken connection after sending leaves it UNKNOWN, never sent again (at most once).
 */
// Created at start-up: its meters are exported before the first SMS.
@io.quarkus.runtime.Startup
@ApplicationScoped
class SmsSender {

    private final SmsRepository sms;
    private final AlertPhones phones;
    private final FulfillmentService fulfillments;
    private final AfricasTalking provider;
    private final Secrets secrets;
    private final SmsConfig config;
    private final Clock clock;
    private final MeterRegistry registry;

    SmsSender(
            SmsRepository sms,
            AlertPhones phones,
            FulfillmentService fulfillments,
            AfricasTalking provider,
            Secrets secrets,
            SmsConfig config,
            Clock clock,
            MeterRegistry registry) {
        this.sms = sms;
        this.phones = phones;
        this.fulfillments = fulfillments;
        this.provider = provider;
        this.secrets = secrets;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
        // Registered up front so dashboards see zeros, not gaps.
        for (SmsRepository.Kind kind : SmsRepository.Kind.values()) {
            registry.counter("originlive.sms.sent", "kind", kind.name());
        }
        registry.counter("originlive.sms.failed", "status", "FAILED");
        registry.counter("originlive.sms.failed", "status", "UNKNOWN");
    }

    /** Never fails: every outcome is written to the SMS's row. */
    Uni<Void> attempt(UUID id) {
        return sms.claim(id)
                .flatMap(claimed -> claimed.isEmpty() ? Uni.createFrom().voidItem() : send(claimed.get()))
                .onFailure()
                .recoverWithUni(e -> {
                    Log.warnf("SMS %s: %s", id, e.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<Void> send(SmsRepository.Claimed c) {
        return phones.language(c.cooperativeId())
                .map(language -> language.orElse("en"))
                .flatMap(language -> text(c, language))
                // Nothing left yet (the database or a read failed): another attempt later.
                .onFailure()
                .recoverWithUni(e -> sms.finish(c.id(), outcome("RETRY", null, "not prepared: " + e, null, c))
                        .replaceWith((Text) null))
                .flatMap(text -> text == null ? Uni.createFrom().voidItem() : deliver(c, text));
    }

    private Uni<Void> deliver(SmsRepository.Claimed c, Text text) {
        if (text.sent() == null) {
            return sms.finish(c.id(), outcome("FAILED", text.stored(), "nothing to send", null, c));
        }
        return provider.send(c.phone(), text.sent())
                .map(result -> outcome(result, text.stored(), c))
                .onFailure()
                .recoverWithItem(e -> outcome(
                        unsent(e) ? "RETRY" : "UNKNOWN",
                        text.stored(),
                        e.getClass().getSimpleName(),
                        null,
                        c))
                .flatMap(o -> sms.finish(c.id(), o));
    }

    /** True when the request cannot have reached the provider (no connection was made). */
    static boolean unsent(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof ConnectException
                    || e instanceof java.net.UnknownHostException
                    || e instanceof java.net.NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    /** What goes to the phone, and what the history keeps (a code is masked there). */
    private record Text(String sent, String stored) {}

    private Uni<Text> text(SmsRepository.Claimed c, String language) {
        if (c.kind() == SmsRepository.Kind.CODE) {
            String code = Secrets.code(6);
            Instant expires = clock.instant().plus(config.codeLifetime());
            long minutes = config.codeLifetime().toMinutes();
            return secrets.hash(code)
                    .flatMap(hash -> phones.codeSent(c.phone(), c.cooperativeId(), hash, expires))
                    .map(stored -> stored
                            ? new Text(
                                    Texts.get(language, "sms.code", code, minutes),
                                    Texts.get(language, "sms.code", "######", minutes))
                            : new Text(null, null));
        }
        return fulfillments.view(c.fulfillmentId()).map(f -> {
            String key = c.kind() == SmsRepository.Kind.NEW_ORDER ? "sms.new_order" : "sms.reminder";
            String text = Texts.get(language, key, f.shortCode(), items(f));
            return new Text(text, text);
        });
    }

    /** "2x Coffee 1kg, 1x Tea": product names and quantities only, never the buyer's data. */
    static String items(FulfillmentApi.FulfillmentView f) {
        String items =
                f.lines().stream().map(l -> l.quantity() + "x " + l.name()).collect(Collectors.joining(", "));
        return Texts.cut(items, 100);
    }

    private SmsRepository.Outcome outcome(AfricasTalking.Result r, String text, SmsRepository.Claimed c) {
        return switch (r.verdict()) {
            case SENT -> {
                registry.counter("originlive.sms.sent", "kind", c.kind().name()).increment();
                yield new SmsRepository.Outcome("SENT", text, null, r.messageId(), r.cost(), null);
            }
            case NOT_SENT -> outcome("RETRY", text, r.detail(), null, c);
            case REFUSED -> outcome("FAILED", text, r.detail(), null, c);
        };
    }

    private SmsRepository.Outcome outcome(
            String status, String text, String error, String messageId, SmsRepository.Claimed c) {
        if (!status.equals("RETRY")) {
            registry.counter("originlive.sms.failed", "status", status).increment();
            return new SmsRepository.Outcome(status, text, error, messageId, null, null);
        }
        if (c.attempts() >= config.maxAttempts()) {
            registry.counter("originlive.sms.failed", "status", "FAILED").increment();
            return new SmsRepository.Outcome("FAILED", text, error + " (last attempt)", null, null, null);
        }
        return new SmsRepository.Outcome(
                "RETRY", text, error, null, null, clock.instant().plus(backoff(c.attempts())));
    }

    private Duration backoff(int attempts) {
        Duration wait = config.retryBackoff().multipliedBy(1L << Math.min(20, attempts - 1));
        return wait.compareTo(config.retryBackoffMax()) > 0 ? config.retryBackoffMax() : wait;
    }
}
