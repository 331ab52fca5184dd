package org.originlive.sale;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of live sales. */
@ConfigMapping(prefix = "originlive.sales")
public interface SaleConfig {

    /** How often each replica starts and ends sales whose time has come. */
    @WithDefault("250ms")
    Duration schedulerInterval();
}
