package org.originlive.payment;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.Tx;

/**
 * What payments need of orders. The order feature owns them and implements this, so the
 * dependency keeps pointing from order to payment.
 */
public interface PayableOrders {

    /** An order as a payment sees it; {@code description} names what is bought. */
    record Payable(
            UUID id,
            UUID buyerId,
            boolean reserved,
            long totalMinor,
            String currency,
            Instant reservedUntil,
            String description) {}

    /** The order; {@code lock} holds it until the transaction ends. */
    Uni<Optional<Payable>> find(Tx tx, UUID orderId, boolean lock);

    /**
     * On the provider's word: the RESERVED order becomes PAID, split into its fulfilments and
     * booked in the ledger, inside the caller's transaction. False when it is no longer RESERVED
     * (expired or cancelled meanwhile): then nothing changed and the money must go back.
     */
    Uni<Boolean> paid(Tx tx, UUID orderId, String method, String reference, Instant now);
}
