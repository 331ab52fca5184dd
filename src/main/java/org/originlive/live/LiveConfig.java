package org.originlive.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the real-time fan-out. */
@ConfigMapping(prefix = "originlive.live")
public interface LiveConfig {

    /** Shortest flush interval of a room, used while it is small and fan-out is cheap (10/s). */
    @WithDefault("100ms")
    Duration flushInterval();

    /** Longest flush interval of a room, however big it grows or slow fan-out gets (2/s). */
    @WithDefault("500ms")
    Duration maxFlushInterval();

    /** Share of an event loop a room's fan-out may take: the interval stays above lag / budget. */
    @WithDefault("0.25")
    double fanOutBudget();

    /** Above this many viewers a room is big: ticks every {@link #bigRoomTick()}, counts at 1 %. */
    @WithDefault("1000")
    int bigRoom();

    /** How often a big room gets a tick; every frame carries {@code serverTime} anyway. */
    @WithDefault("5s")
    Duration bigRoomTick();

    /** Bytes a viewer may have unsent before it is dropped as too slow (1008). */
    @WithDefault("524288")
    int maxUnsentBytes();

    /** Viewers one event-loop task writes to before yielding the loop to other work. */
    @WithDefault("256")
    int viewersPerTask();

    /** Open sockets one client address may hold (when rate limits are enabled). */
    @WithDefault("200")
    int maxSocketsPerAddress();

    /** New sockets one client address may open per second (when rate limits are enabled). */
    @WithDefault("50")
    int newSocketsPerSecondPerAddress();

    /** How often each replica announces its viewer counts to the others. */
    @WithDefault("1s")
    Duration viewerCountInterval();

    /** A replica's viewer counts are forgotten when not refreshed for this long. */
    @WithDefault("5s")
    Duration viewerCountTtl();

    /** With the nats bus: how often the outbox relay looks for rows other replicas left (it is woken by local commits). */
    @WithDefault("1s")
    Duration relayEvery();

    /**
     * With the nats bus: the least time between the starts of two relay rounds. Commits that land
     * meanwhile go out together in the next round: fewer relay transactions, and NATS writes each
     * subscriber several events at once (measured: at 1,000 events/s to 200 replicas, nats-server
     * needs 0.88 core for events one by one, 0.31 core for 20 ms rounds).
     */
    @WithDefault("20ms")
    Duration relayPace();

    /** Delay between attempts to re-open the LISTEN connection. */
    @WithDefault("500ms")
    Duration listenRetry();
}
