package org.originlive.fulfillment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long a delivered fulfilment's money stays pending before the cooperative may take it out. */
@ConfigMapping(prefix = "originlive.payouts")
public interface HoldConfig {

    /** The hold, counted from delivery ({@code ORIGINLIVE_PAYOUTS_HOLD}). */
    @WithDefault("48h")
    Duration hold();
}
