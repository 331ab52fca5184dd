package org.originlive.push;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Web Push: the VAPID key pair every replica shares, and how deliveries are paced. */
@ConfigMapping(prefix = "originlive.push")
public interface PushConfig {

    /** The VAPID public key: base64url of the 65-byte uncompressed P-256 point (required in prod). */
    Optional<String> vapidPublicKey();

    /** The VAPID private key: base64url of the 32-byte P-256 scalar (required in prod). */
    Optional<String> vapidPrivateKey();

    /** Who push services may contact about our traffic: a mailto: or https: URI (the JWT's sub). */
    @WithDefault("mailto:ops@originlive.org")
    String vapidSubject();

    /** Subscriptions one account may have (one per browser); registering another past it is refused. */
    @WithDefault("10")
    int maxSubscriptions();

    /** How long a push service keeps a notice for a browser that is offline (the TTL header). */
    @WithDefault("24h")
    Duration ttl();

    /** How long one delivery may take before it counts as failed and is tried again. */
    @WithDefault("10s")
    Duration timeout();

    /** First wait before a failed delivery is tried again; it doubles per attempt. */
    @WithDefault("30s")
    Duration retryBackoff();

    /** The longest wait between two attempts. */
    @WithDefault("30m")
    Duration retryBackoffMax();

    /** Attempts before a notice is given up (the default with the back-off above spans about 4 hours). */
    @WithDefault("12")
    int maxAttempts();

    /** How often every replica puts notices due again back into the outbox. */
    @WithDefault("1s")
    Duration sweepEvery();
}
