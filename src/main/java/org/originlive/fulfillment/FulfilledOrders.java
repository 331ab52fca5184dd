package org.originlive.fulfillment;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.Tx;

/**
 * What fulfilment needs of the orders it splits. The order feature owns those tables and
 * implements this, so fulfilment reads no order table and the dependency keeps pointing
 * from order to fulfilment.
 */
public interface FulfilledOrders {

    /** The order's buyer, the order locked until the transaction ends; empty when there is none. */
    Uni<Optional<UUID>> lockBuyer(Tx tx, UUID orderId);

    /** Where each order goes and what it holds, by order id, in one round of queries. */
    Uni<Map<UUID, Shipment>> shipments(Tx tx, List<UUID> orderIds);

    /** An order's address (as the buyer gave it) and all its lines, every cooperative's. */
    record Shipment(JsonNode address, List<Line> lines) {}

    record Line(
            UUID id,
            UUID cooperativeId,
            UUID productId,
            UUID itemId,
            String name,
            int quantity,
            int refundedQuantity,
            long unitPriceMinor) {}
}
