package org.originlive.checkout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Checkout meters, exported at /q/metrics. */
// Created at start-up so every meter is exported from the first scrape.
@Startup
@ApplicationScoped
public class CheckoutMetrics {

    private final Counter created;
    private final Counter soldOut;
    private final Timer checkout;
    private final DistributionSummary batchSize;

    CheckoutMetrics(MeterRegistry registry) {
        created = registry.counter("originlive.orders.created");
        soldOut = registry.counter("originlive.orders.sold.out");
        checkout = Timer.builder("originlive.checkout.latency")
                .description("Time to place an order, from request to commit")
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .register(registry);
        batchSize = DistributionSummary.builder("originlive.checkout.batch.size")
                .description("Live-sale orders committed together in one group-commit transaction")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    void created() {
        created.increment();
    }

    void soldOut() {
        soldOut.increment();
    }

    void checkout(long startedNanos) {
        checkout.record(Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    void batch(int size) {
        batchSize.record(size);
    }
}
