package org.originlive.order;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Checkout meters, exported at /q/metrics. */
// Created at start-up so every meter is exported from the first scrape.
@Startup
@ApplicationScoped
public class OrderMetrics {

    private final Counter created;
    private final Counter soldOut;
    private final Counter expired;
    private final Timer checkout;

    OrderMetrics(MeterRegistry registry) {
        created = registry.counter("originlive.orders.created");
        soldOut = registry.counter("originlive.orders.sold.out");
        expired = registry.counter("originlive.orders.expired");
        checkout = Timer.builder("originlive.checkout.latency")
                .description("Time to place an order, from request to commit")
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .register(registry);
    }

    void created() {
        created.increment();
    }

    void soldOut() {
        soldOut.increment();
    }

    void expired(int count) {
        expired.increment(count);
    }

    void checkout(long startedNanos) {
        checkout.record(Duration.ofNanos(System.nanoTime() - startedNanos));
    }
}
