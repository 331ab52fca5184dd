package org.originlive.fulfillment;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.originlive.common.Caller;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.ProblemException;

@ApplicationScoped
public class FulfillmentService {

    private final FulfillmentRepository fulfillments;
    private final Clock clock;

    FulfillmentService(FulfillmentRepository fulfillments, Clock clock) {
        this.fulfillments = fulfillments;
        this.clock = clock;
    }

    public Uni<Page<FulfillmentApi.FulfillmentView>> list(
            Caller caller, UUID cooperativeId, FulfillmentStatus status, PageRequest page) {
        caller.requireCooperative(cooperativeId);
        return fulfillments.page(cooperativeId, status, page);
    }

    public Uni<FulfillmentApi.EarningsList> earnings(Caller caller, UUID cooperativeId) {
        caller.requireCooperative(cooperativeId);
        return fulfillments.earnings(cooperativeId).map(FulfillmentApi.EarningsList::new);
    }

    /**
     * Moves a fulfilment on behalf of its cooperative (or an admin). The order row is locked
     * first, as the buyer's cancellation does, so a shipment and a cancellation never both win.
     */
    public Uni<FulfillmentApi.FulfillmentView> move(
            Caller caller, UUID id, FulfillmentStatus to, FulfillmentApi.ShipRequest shipment) {
        return fulfillments
                .pool()
                .withTransaction(tx -> fulfillments.owner(tx, id).flatMap(owner -> {
                    if (owner.isEmpty()) {
                        throw ProblemException.notFound("Fulfillment", id);
                    }
                    caller.requireCooperative(owner.get().cooperativeId());
                    return fulfillments
                            .lockOrder(tx, owner.get().orderId())
                            .flatMap(x -> fulfillments.move(
                                    tx,
                                    id,
                                    to,
                                    shipment == null ? null : shipment.carrier().trim(),
                                    shipment == null
                                            ? null
                                            : shipment.trackingNumber().trim(),
                                    clock.instant()))
                            .flatMap(moved -> fulfillments.find(tx, id).map(view -> {
                                if (!moved) {
                                    throw ProblemException.conflict(
                                            "illegal-transition",
                                            "Illegal state change",
                                            "A " + view.get().status() + " fulfillment cannot become " + to);
                                }
                                return view.get();
                            }));
                }));
    }
}
