package org.originlive.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the demo data. */
@ConfigMapping(prefix = "originlive.demo")
public interface DemoConfig {

    /** Load the demo cooperatives, products and accounts at start-up (the demo and dev profiles). */
    @WithDefault("false")
    boolean enabled();
}
