package org.originlive.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the real-time fan-out. */
@ConfigMapping(prefix = "originlive.live")
public interface LiveConfig {

    /** How often conflated stock changes are flushed to viewers (10/s per item at most). */
    @WithDefault("100ms")
    Duration flushInterval();

    /** Frames a viewer may have unsent before it is dropped as too slow. */
    @WithDefault("256")
    int maxFramesInFlight();

    /** How often each replica announces its viewer counts to the others. */
    @WithDefault("1s")
    Duration viewerCountInterval();

    /** A replica's viewer counts are forgotten when not refreshed for this long. */
    @WithDefault("5s")
    Duration viewerCountTtl();

    /** Delay between attempts to re-open the LISTEN connection. */
    @WithDefault("500ms")
    Duration listenRetry();
}
