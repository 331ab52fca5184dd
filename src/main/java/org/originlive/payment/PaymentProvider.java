package org.originlive.payment;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * A way to take a buyer's money. Calls carry the order id as the idempotency key, so a retried
 * charge or refund never moves money twice.
 */
public interface PaymentProvider {

    /** False where this provider is switched off: its method is then unknown. */
    default boolean enabled() {
        return true;
    }

    /** The {@code method} name clients send, e.g. {@code sandbox}. */
    String method();

    /** Charges the amount; the item is the provider's reference of the payment. */
    Uni<String> charge(UUID orderId, long amountMinor, String currency);

    /** Gives back a charge made for this order. */
    Uni<Void> refund(UUID orderId, String reference, long amountMinor, String currency);
}
