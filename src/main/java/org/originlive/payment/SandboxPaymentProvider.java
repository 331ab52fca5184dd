package org.originlive.payment;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The built-in simulated provider: every charge succeeds with a reference derived from the order.
 * Offered only where the sandbox is on ({@code originlive.payments.sandbox}: demo, development,
 * tests; off in production, where "sandbox" is an unknown method).
 */
@ApplicationScoped
public class SandboxPaymentProvider implements PaymentProvider {

    private final PaymentConfig config;

    SandboxPaymentProvider(PaymentConfig config) {
        this.config = config;
    }

    @Override
    public boolean enabled() {
        return config.sandbox();
    }

    @Override
    public String method() {
        return "sandbox";
    }

    @Override
    public Uni<String> charge(UUID orderId, long amountMinor, String currency) {
        // Same order, same reference: the sandbox is idempotent like a real provider.
        return Uni.createFrom().item("sandbox_" + orderId.toString().replace("-", ""));
    }

    @Override
    public Uni<Void> refund(UUID orderId, String reference, long amountMinor, String currency) {
        Log.infof("Sandbox refund of %d %s for order %s (%s)", amountMinor, currency, orderId, reference);
        return Uni.createFrom().voidItem();
    }
}
