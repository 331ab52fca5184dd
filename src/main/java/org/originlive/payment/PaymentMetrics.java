package org.originlive.payment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Payment meters, exported at /q/metrics: refunds a provider did not take (the alert
 * OriginLivePaymentRefundFailing), {@code kind} {@code buyer} (a buyer's refund) or {@code late} (a
 * late payment given back). Each failed attempt counts, so a stuck refund keeps the alert firing.
 */
// Created at start-up so every meter is exported from the first scrape.
@Startup
@ApplicationScoped
public class PaymentMetrics {

    private final Counter buyerRefundsFailed;
    private final Counter lateRefundsFailed;

    PaymentMetrics(MeterRegistry registry) {
        buyerRefundsFailed = failed(registry, "buyer");
        lateRefundsFailed = failed(registry, "late");
    }

    /** A buyer's refund was refused by its provider or could not be sent. */
    public void buyerRefundFailed() {
        buyerRefundsFailed.increment();
    }

    void lateRefundFailed() {
        lateRefundsFailed.increment();
    }

    private static Counter failed(MeterRegistry registry, String kind) {
        return Counter.builder("originlive.payments.refunds.failed")
                .description("Refunds a payment provider did not take (retried under the same number)")
                .tag("kind", kind)
                .register(registry);
    }
}
