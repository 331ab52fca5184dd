package org.originlive.origin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** How a plot's declared area is checked against its geometry. */
@ConfigMapping(prefix = "originlive.origin")
public interface OriginConfig {

    /** A polygon's declared {@code areaHa} may differ from its computed area by this percent of the computed area. */
    @WithDefault("10")
    BigDecimal areaTolerancePercent();

    /** ... or by this many hectares, whichever is larger (small plots, GPS walks). */
    @WithDefault("0.1")
    BigDecimal areaToleranceHa();

    /** Plots larger than this (hectares) must be described by a polygon, not a point (EU 2023/1115 art. 2(28)). */
    @WithDefault("4")
    BigDecimal pointMaxHa();
}
