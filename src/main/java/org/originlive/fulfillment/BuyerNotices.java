package org.originlive.fulfillment;

import io.smallrye.mutiny.Uni;
import java.util.UUID;
import org.originlive.common.Tx;

/**
 * Who tells buyers about their orders (notify's emails implement it): called inside the
 * transaction that pays the order or ships a parcel, so the notice is queued exactly when that
 * commits, once.
 */
public interface BuyerNotices {

    /** The order was paid (its fulfilments just opened). */
    Uni<Void> paid(Tx tx, UUID buyerId, UUID orderId);

    /** A fulfilment of the order was shipped (its carrier and tracking number are stored). */
    Uni<Void> shipped(Tx tx, UUID buyerId, UUID orderId, UUID fulfillmentId);
}
