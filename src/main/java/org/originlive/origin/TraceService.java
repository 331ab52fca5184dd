package org.originlive.origin;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.originlive.common.Caller;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;
import org.originlive.cooperative.Cooperative;
import org.originlive.cooperative.CooperativeService;
import org.originlive.fulfillment.FulfillmentApi;
import org.originlive.fulfillment.FulfillmentService;
import org.originlive.fulfillment.FulfillmentStatus;
import org.originlive.order.OrderApi;
import org.originlive.order.OrderService;

/** Which lot each shipped line came from, and the buyer's trace of an order back to its lots. */
@ApplicationScoped
public class TraceService {

    private static final Set<FulfillmentStatus> ASSIGNABLE =
            Set.of(FulfillmentStatus.ACCEPTED, FulfillmentStatus.SHIPPED, FulfillmentStatus.DELIVERED);

    private final Transactions transactions;
    private final LotAssignmentRepository assignments;
    private final LotService lots;
    private final FulfillmentService fulfillments;
    private final OrderService orders;
    private final CooperativeService cooperatives;
    private final Clock clock;

    TraceService(
            Transactions transactions,
            LotAssignmentRepository assignments,
            LotService lots,
            FulfillmentService fulfillments,
            OrderService orders,
            CooperativeService cooperatives,
            Clock clock) {
        this.transactions = transactions;
        this.assignments = assignments;
        this.lots = lots;
        this.fulfillments = fulfillments;
        this.orders = orders;
        this.cooperatives = cooperatives;
        this.clock = clock;
    }

    /**
     * Records the lots of a fulfilment's lines, all or none: each line must be in this fulfilment,
     * each lot of the same cooperative and product, and the fulfilment accepted (or further on).
     * The fulfilment is share-locked meanwhile, so it cannot be cancelled under the records.
     */
    public Uni<OriginApi.Assignments> assign(Caller caller, UUID fulfillmentId, OriginApi.AssignLots request) {
        List<OriginApi.LineLot> lines = request.lines();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!seen.add(lines.get(i).lineId())) {
                throw ProblemException.invalid("lines[" + i + "].lineId", "appears twice");
            }
        }
        // Lots read before the SQL transaction (never Hibernate inside it); a lot never changes once written.
        return lots.byIds(
                        lines.stream().map(OriginApi.LineLot::lotId).distinct().toList())
                .flatMap(found -> transactions.inTransaction(
                        tx -> locked(tx, caller, fulfillmentId).flatMap(f -> {
                            if (!ASSIGNABLE.contains(f.status())) {
                                throw new ProblemException(
                                        ProblemType.FULFILLMENT_NOT_ACCEPTED,
                                        "Lots are recorded once a fulfilment is ACCEPTED; this one is " + f.status());
                            }
                            check(lines, f, found);
                            return assignments
                                    .assign(tx, f.id(), f.orderId(), lines, clock.instant())
                                    .flatMap(x -> recorded(tx, f));
                        })));
    }

    public Uni<OriginApi.Assignments> assignments(Caller caller, UUID fulfillmentId) {
        return transactions.inTransaction(
                tx -> locked(tx, caller, fulfillmentId).flatMap(f -> recorded(tx, f)));
    }

    private Uni<FulfillmentApi.FulfillmentView> locked(Tx tx, Caller caller, UUID fulfillmentId) {
        return fulfillments
                .lockShared(tx, fulfillmentId)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Fulfillment", fulfillmentId)))
                .invoke(f -> caller.requireCooperative(f.cooperativeId()));
    }

    /** The fulfilment's recorded lots in its lines' order. */
    private Uni<OriginApi.Assignments> recorded(Tx tx, FulfillmentApi.FulfillmentView f) {
        return assignments
                .assignments(tx, f.id())
                .map(byLine -> new OriginApi.Assignments(
                        f.id(),
                        f.lines().stream()
                                .filter(l -> byLine.containsKey(l.id()))
                                .map(l -> new OriginApi.LineLot(l.id(), byLine.get(l.id())))
                                .toList()));
    }

    private static void check(List<OriginApi.LineLot> lines, FulfillmentApi.FulfillmentView f, Map<UUID, Lot> lots) {
        Map<UUID, UUID> products =
                f.lines().stream().collect(Collectors.toMap(FulfillmentApi.Line::id, FulfillmentApi.Line::productId));
        for (int i = 0; i < lines.size(); i++) {
            UUID lineProduct = products.get(lines.get(i).lineId());
            Lot lot = lots.get(lines.get(i).lotId());
            if (lineProduct == null) {
                throw ProblemException.invalid("lines[" + i + "].lineId", "is not a line of this fulfilment");
            }
            if (lot == null || !lot.cooperativeId.equals(f.cooperativeId())) {
                throw ProblemException.invalid("lines[" + i + "].lotId", "must be a lot of this cooperative");
            }
            if (!lot.productId.equals(lineProduct)) {
                throw ProblemException.invalid("lines[" + i + "].lotId", "is a lot of another product than the line's");
            }
        }
    }

    /** Each line's cooperative and the public view of its lot; 404 for anyone but the buyer and ADMIN. */
    public Uni<OriginApi.Trace> trace(Caller caller, UUID orderId) {
        return orders.get(caller, orderId).flatMap(order -> {
            List<UUID> lineIds =
                    order.lines().stream().map(OrderApi.LineView::id).toList();
            List<UUID> cooperativeIds = order.lines().stream()
                    .map(OrderApi.LineView::cooperativeId)
                    .distinct()
                    .toList();
            return cooperatives.byIds(cooperativeIds).flatMap(coops -> assignments
                    .lotsOfLines(lineIds)
                    .flatMap(lotOf -> lots.publicViews(lotOf.values().stream()
                                    .filter(Objects::nonNull)
                                    .distinct()
                                    .toList())
                            .map(views -> trace(order, coops, lotOf, views))));
        });
    }

    private static OriginApi.Trace trace(
            OrderApi.OrderView order,
            List<Cooperative> cooperatives,
            Map<UUID, UUID> lotOf,
            Map<UUID, OriginApi.PublicLot> views) {
        Map<UUID, OriginApi.TraceCooperative> byId = cooperatives.stream()
                .map(c -> new OriginApi.TraceCooperative(c.id, c.name, c.country, c.region))
                .collect(Collectors.toMap(OriginApi.TraceCooperative::id, Function.identity()));
        return new OriginApi.Trace(
                order.id(),
                order.lines().stream()
                        .map(l -> new OriginApi.TraceLine(
                                l.id(),
                                l.name(),
                                byId.get(l.cooperativeId()),
                                lotOf.containsKey(l.id()) ? views.get(lotOf.get(l.id())) : null))
                        .toList());
    }
}
