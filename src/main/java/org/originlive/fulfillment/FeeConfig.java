package org.originlive.fulfillment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** The platform's cut of each fulfilment. */
@ConfigMapping(prefix = "originlive.fees")
public interface FeeConfig {

    /** Percent of each fulfilment's gross ({@code ORIGINLIVE_FEES_PLATFORM_PERCENT}), e.g. 5 or 2.5. */
    @WithDefault("5")
    BigDecimal platformPercent();
}
