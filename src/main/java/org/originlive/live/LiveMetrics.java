package org.originlive.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Meters of the real-time fan-out, exported at /q/metrics. */
// Created at start-up so every meter is exported from the first scrape.
@Startup
@ApplicationScoped
public class LiveMetrics {

    static final String TOO_MANY_SOCKETS = "sockets-per-address";
    static final String TOO_MANY_NEW_SOCKETS = "new-sockets-per-second";

    private final MeterRegistry registry;
    private final AtomicInteger connections = new AtomicInteger();
    private final Counter framesSent;
    private final Counter framesDropped;
    private final Counter viewersDropped;
    private final Counter refusedSockets;
    private final Counter refusedRate;
    private final Timer notifyToSend;
    private final Timer fanOutLag;
    private final Map<UUID, Gauge> intervals = new ConcurrentHashMap<>();

    LiveMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("originlive.ws.connections", connections);
        framesSent = registry.counter("originlive.ws.frames.sent");
        framesDropped = registry.counter("originlive.ws.frames.dropped");
        viewersDropped = Counter.builder("originlive.ws.viewers.dropped")
                .description("Viewers closed with 1008 because their unsent bytes passed max-unsent-bytes")
                .register(registry);
        refusedSockets = refusedCounter(TOO_MANY_SOCKETS);
        refusedRate = refusedCounter(TOO_MANY_NEW_SOCKETS);
        notifyToSend = Timer.builder("originlive.ws.notify.to.send")
                .description("From the change's transaction to its frame being handed to the viewers")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
        fanOutLag = Timer.builder("originlive.ws.fanout.lag")
                .description("From a broadcast's encoding to its write to the last viewer of an event loop")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
    }

    void opened() {
        connections.incrementAndGet();
    }

    void closed() {
        connections.decrementAndGet();
    }

    void sent(long frames) {
        framesSent.increment(frames);
    }

    void dropped(int frames) {
        framesDropped.increment(frames);
    }

    void viewerDropped() {
        viewersDropped.increment();
    }

    void refused(String reason) {
        (TOO_MANY_SOCKETS.equals(reason) ? refusedSockets : refusedRate).increment();
    }

    void latency(long eventAtMillis, long nowMillis) {
        notifyToSend.record(Duration.ofMillis(Math.max(0, nowMillis - eventAtMillis)));
    }

    void fanOutLag(long nanos) {
        fanOutLag.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The room's current adaptive flush interval, one gauge per watched sale. */
    void roomOpened(UUID saleId, Pace pace) {
        intervals.computeIfAbsent(
                saleId, id -> Gauge.builder("originlive.ws.flush.interval.millis", pace, Pace::intervalMillis)
                        .description("A room's adaptive flush interval")
                        .tag("sale", id.toString())
                        .strongReference(true)
                        .register(registry));
    }

    void roomClosed(UUID saleId) {
        Gauge gauge = intervals.remove(saleId);
        if (gauge != null) {
            registry.remove(gauge);
        }
    }

    private Counter refusedCounter(String reason) {
        return Counter.builder("originlive.ws.refused")
                .description("WebSocket handshakes refused with 429 by the per-address caps")
                .tag("reason", reason)
                .register(registry);
    }
}
