package org.originlive.order;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of checkout and the order lifecycle. */
@ConfigMapping(prefix = "originlive.orders")
public interface OrderConfig {

    /** How long an unpaid order holds its stock ({@code ORIGINLIVE_ORDERS_RESERVATION_HOLD}). */
    @WithDefault("15m")
    Duration reservationHold();

    /**
     * A checkout, payment or cancellation not done by then is answered 503 (with Retry-After);
     * the client retries with the same Idempotency-Key and gets the order if it did commit.
     */
    @WithDefault("10s")
    Duration requestTimeout();

    /** At most this many live-sale orders go into one group-commit transaction. */
    @WithDefault("128")
    int maxBatch();

    /** How often each replica looks for reservations to expire. */
    @WithDefault("500ms")
    Duration expiryInterval();
}
