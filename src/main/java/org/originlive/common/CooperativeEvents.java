package org.originlive.common;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;

/**
 * Events of a cooperative's own objects (webhook/ delivers them to the cooperative's systems),
 * told inside the transaction that causes them: an event exists exactly when its change commits.
 * {@code data} is the object as that cooperative's own GET shows it, read in the same
 * transaction; it is subscribed only when the cooperative listens for {@code type}, so telling
 * costs one indexed query when nobody does.
 */
public interface CooperativeEvents {

    String FULFILLMENT_CREATED = "fulfillment.created";
    String FULFILLMENT_CANCELLED = "fulfillment.cancelled";
    String REFUND_REQUESTED = "refund.requested";
    String REFUND_SUCCEEDED = "refund.succeeded";
    String PAYOUT_SUCCEEDED = "payout.succeeded";
    String PAYOUT_FAILED = "payout.failed";

    List<String> TYPES = List.of(
            FULFILLMENT_CREATED,
            FULFILLMENT_CANCELLED,
            REFUND_REQUESTED,
            REFUND_SUCCEEDED,
            PAYOUT_SUCCEEDED,
            PAYOUT_FAILED);

    Uni<Void> tell(Tx tx, String type, UUID cooperativeId, Uni<?> data);
}
