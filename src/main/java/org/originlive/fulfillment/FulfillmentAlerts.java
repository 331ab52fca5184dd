package org.originlive.fulfillment;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.originlive.common.Tx;

/**
 * Who is told of new fulfilments (phone's SMS alerts implement it): called inside the payment's
 * transaction, so an alert is queued exactly when the fulfilment commits.
 */
public interface FulfillmentAlerts {

    /** A fulfilment just opened, or one still NEW: what an alert may say of it (no buyer data). */
    record Opened(UUID id, UUID cooperativeId, String shortCode, Instant openedAt) {}

    Uni<Void> opened(Tx tx, List<UUID> fulfillmentIds);
}
