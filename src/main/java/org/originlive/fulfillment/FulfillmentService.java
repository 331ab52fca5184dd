package org.originlive.fulfillment;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.originlive.common.Caller;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;

@ApplicationScoped
public class FulfillmentService {

    private final FulfillmentRepository fulfillments;
    private final Fees fees;
    private final Clock clock;

    FulfillmentService(FulfillmentRepository fulfillments, Fees fees, Clock clock) {
        this.fulfillments = fulfillments;
        this.fees = fees;
        this.clock = clock;
    }

    /** What a paid order sold for one cooperative (one entry per line is fine). */
    public record Sold(UUID cooperativeId, long grossMinor) {}

    /**
     * Splits a paid order into one NEW fulfilment per cooperative with its fee, inside the
     * payment's transaction.
     */
    public Uni<Void> open(SqlClient tx, UUID orderId, List<Sold> sold, String currency, Instant now) {
        Map<UUID, Long> gross = new LinkedHashMap<>();
        sold.forEach(s -> gross.merge(s.cooperativeId(), s.grossMinor(), Math::addExact));
        List<FulfillmentRepository.Split> splits = gross.entrySet().stream()
                .map(e -> new FulfillmentRepository.Split(
                        e.getKey(), e.getValue(), fees.feeMinor(e.getValue()), currency))
                .toList();
        return fulfillments.insertAll(tx, orderId, splits, now);
    }

    public Uni<Boolean> anyShipped(SqlClient tx, UUID orderId) {
        return fulfillments.anyShipped(tx, orderId);
    }

    /** Cancels the order's fulfilments that have not shipped, inside the cancellation's transaction. */
    public Uni<Void> cancelAll(SqlClient tx, UUID orderId, Instant now) {
        return fulfillments.cancelAll(tx, orderId, now);
    }

    public Uni<Map<UUID, List<FulfillmentApi.FulfillmentRef>>> refs(SqlClient client, List<UUID> orderIds) {
        return fulfillments.refs(client, orderIds);
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
                                    throw new ProblemException(
                                            ProblemType.ILLEGAL_TRANSITION,
                                            "A " + view.get().status() + " fulfillment cannot become " + to);
                                }
                                return view.get();
                            }));
                }));
    }
}
