package org.originlive.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Webhooks for cooperatives' systems (docs/operations.md, "Webhooks"). */
@ConfigMapping(prefix = "originlive.webhooks")
public interface WebhookConfig {

    /**
     * Admits http:// to loopback (local tests only): common.OutboundGuard reads it and warns at
     * start-up; mapped here too because the setting lives under this prefix.
     */
    @WithDefault("false")
    boolean allowHttp();

    /** Base64 of 32 random bytes that encrypt the signing secrets at rest; required in prod. */
    Optional<String> keyEncryptionKey();

    /** The waits before each retry of a failed delivery; when they run out it is FAILED for good. */
    @WithDefault(RetrySchedule.DEFAULT)
    List<Duration> retrySchedule();

    /** How long one delivery may take (connect, send, answer) before it counts as failed. */
    @WithDefault("5s")
    Duration timeout();

    /** How often each replica moves due retries back into the outbox and relays what others left. */
    @WithDefault("5s")
    Duration sweepEvery();

    /** A delivery still SENDING this long (its replica died mid-attempt) is tried again. */
    @WithDefault("2m")
    Duration staleAfter();

    /** How long the previous secret also signs after a rotation. */
    @WithDefault("24h")
    Duration rotationOverlap();

    /** Endpoints per cooperative. */
    @WithDefault("10")
    int maxEndpoints();
}
