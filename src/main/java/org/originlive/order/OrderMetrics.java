package org.originlive.order;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/** Order lifecycle meters, exported at /q/metrics. */
// Created at start-up so every meter is exported from the first scrape.
@Startup
@ApplicationScoped
public class OrderMetrics {

    private final Counter expired;

    OrderMetrics(MeterRegistry registry) {
        expired = registry.counter("originlive.orders.expired");
    }

    void expired(int count) {
        expired.increment(count);
    }
}
