package org.originlive.fulfillment;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.originlive.common.CooperativeEvents;
import org.originlive.common.Tx;

/**
 * Tells a fulfilment's cooperative that it was created or cancelled (through the
 * {@link CooperativeEvents} port, in the transaction that did it), with the fulfilment as the
 * cooperative's own list shows it: only its lines. The view is read only when someone listens.
 */
@ApplicationScoped
class FulfillmentNews {

    private final FulfillmentRepository fulfillments;
    private final FulfilledOrders orders;
    private final CooperativeEvents events;

    FulfillmentNews(FulfillmentRepository fulfillments, FulfilledOrders orders, CooperativeEvents events) {
        this.fulfillments = fulfillments;
        this.orders = orders;
        this.events = events;
    }

    /** One fulfillment.created per cooperative of a paid order. */
    Uni<Void> created(Tx tx, List<FulfillmentRepository.Split> splits) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (FulfillmentRepository.Split s : splits) {
            chain = chain.flatMap(x -> tell(tx, CooperativeEvents.FULFILLMENT_CREATED, s.cooperativeId(), s.id()));
        }
        return chain;
    }

    Uni<Void> cancelled(Tx tx, UUID id) {
        return fulfillments
                .owner(tx, id)
                .flatMap(owner -> tell(
                        tx,
                        CooperativeEvents.FULFILLMENT_CANCELLED,
                        owner.orElseThrow().cooperativeId(),
                        id));
    }

    private Uni<Void> tell(Tx tx, String type, UUID cooperativeId, UUID id) {
        return events.tell(tx, type, cooperativeId, view(tx, id));
    }

    private Uni<FulfillmentApi.FulfillmentView> view(Tx tx, UUID id) {
        return fulfillments
                .find(tx, id, false)
                .map(found -> found.orElseThrow())
                .flatMap(f -> orders.shipments(tx, List.of(f.orderId()))
                        .map(shipments -> FulfillmentRows.view(f, shipments.get(f.orderId()))));
    }
}
