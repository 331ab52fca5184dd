package org.originlive.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Meters of the real-time fan-out, exported at /q/metrics. */
// Created at start-up so every meter is exported from the first scrape.
@Startup
@ApplicationScoped
public class LiveMetrics {

    private final AtomicInteger connections = new AtomicInteger();
    private final Counter framesSent;
    private final Counter framesDropped;
    private final Counter viewersDropped;
    private final Timer notifyToSend;

    LiveMetrics(MeterRegistry registry) {
        registry.gauge("originlive.ws.connections", connections);
        framesSent = registry.counter("originlive.ws.frames.sent");
        framesDropped = registry.counter("originlive.ws.frames.dropped");
        viewersDropped = registry.counter("originlive.ws.viewers.dropped");
        notifyToSend = Timer.builder("originlive.ws.notify.to.send")
                .description("From the change's transaction to its frame being handed to the viewers")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
    }

    void opened() {
        connections.incrementAndGet();
    }

    void closed() {
        connections.decrementAndGet();
    }

    void sent(int frames) {
        framesSent.increment(frames);
    }

    void dropped(int frames) {
        framesDropped.increment(frames);
    }

    void viewerDropped() {
        viewersDropped.increment();
    }

    void latency(long eventAtMillis, long nowMillis) {
        notifyToSend.record(Duration.ofMillis(Math.max(0, nowMillis - eventAtMillis)));
    }
}
