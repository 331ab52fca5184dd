package org.originlive.order;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import org.originlive.common.Tx;

/**
 * Refunds everything left of a paid order that is being cancelled, inside the cancellation's
 * transaction (the refund feature implements it, so cancelling and refunding move money one way).
 */
public interface PaidOrderRefunds {

    Uni<Void> refundAll(Tx tx, StoredOrder order, String reason, Instant now);
}
