package org.originlive.fulfillment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When parcels count as delivered and how often the delivery jobs look. */
@ConfigMapping(prefix = "originlive.fulfillment")
public interface FulfillmentConfig {

    /** A SHIPPED fulfilment becomes DELIVERED on its own this long after shipping. */
    @WithDefault("14d")
    Duration autoDeliver();

    /** How long after delivery a buyer may still ask for a refund. */
    @WithDefault("14d")
    Duration refundWindow();

    /** How often each replica runs auto-delivery and the hold release (@Scheduled: a second or more). */
    @WithDefault("10s")
    Duration sweepEvery();
}
