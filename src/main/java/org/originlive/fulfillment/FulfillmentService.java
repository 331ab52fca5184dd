package org.originlive.fulfillment;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.Caller;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;
import org.originlive.ledger.AccountType;
import org.originlive.ledger.Bucket;
import org.originlive.ledger.Ledger;
import org.originlive.ledger.LedgerEntry;
import org.originlive.ledger.Posting;

@ApplicationScoped
public class FulfillmentService {

    private final Transactions transactions;

    private final FulfillmentRepository fulfillments;
    private final FulfilledOrders orders;
    private final Fees fees;
    private final Ledger ledger;
    private final FulfillmentAlerts alerts;
    private final FulfillmentNews news;
    private final BuyerNotices notices;
    private final Clock clock;

    FulfillmentService(
            Transactions transactions,
            FulfillmentRepository fulfillments,
            FulfilledOrders orders,
            Fees fees,
            Ledger ledger,
            FulfillmentAlerts alerts,
            FulfillmentNews news,
            BuyerNotices notices,
            Clock clock) {
        this.transactions = transactions;
        this.fulfillments = fulfillments;
        this.orders = orders;
        this.fees = fees;
        this.ledger = ledger;
        this.alerts = alerts;
        this.news = news;
        this.notices = notices;
        this.clock = clock;
    }

    /** What a paid order sold for one cooperative (one entry per line is fine). */
    public record Sold(UUID cooperativeId, long grossMinor) {}

    /**
     * Splits a paid order into one NEW fulfilment per cooperative with its fee, inside the
     * payment's transaction, and books the payment: each net is its cooperative's pending money,
     * each fee the platform's.
     */
    public Uni<Void> open(Tx tx, UUID orderId, List<Sold> sold, String currency, Instant now) {
        Map<UUID, Long> gross = new LinkedHashMap<>();
        sold.forEach(s -> gross.merge(s.cooperativeId(), s.grossMinor(), Math::addExact));
        List<FulfillmentRepository.Split> splits = gross.entrySet().stream()
                .map(e -> new FulfillmentRepository.Split(
                        UUID.randomUUID(), e.getKey(), e.getValue(), fees.feeMinor(e.getValue()), currency))
                .toList();
        List<LedgerEntry> entries = new ArrayList<>();
        for (FulfillmentRepository.Split s : splits) {
            entries.add(LedgerEntry.cooperative(s.cooperativeId(), Bucket.PENDING, currency, s.netMinor())
                    .forFulfillment(s.id()));
            entries.add(LedgerEntry.of(AccountType.PLATFORM_FEES, currency, s.feeMinor())
                    .forFulfillment(s.id()));
            entries.add(LedgerEntry.of(AccountType.PAYMENT_CLEARING, currency, -s.grossMinor())
                    .forFulfillment(s.id()));
        }
        return fulfillments
                .insertAll(tx, orderId, splits, now)
                .flatMap(x -> ledger.post(tx, new Posting("PAYMENT", "order", orderId, entries), now))
                .flatMap(x -> alerts.opened(
                        tx, splits.stream().map(FulfillmentRepository.Split::id).toList()))
                .flatMap(x -> news.created(tx, splits))
                .flatMap(x -> orders.lockBuyer(tx, orderId))
                .flatMap(buyer ->
                        buyer.isEmpty() ? Uni.createFrom().voidItem() : notices.paid(tx, buyer.get(), orderId));
    }

    /** Ends a fulfilment whose every unit was refunded before shipping, inside the refund's transaction. */
    public Uni<Boolean> cancelRefunded(Tx tx, UUID id, Instant now) {
        return fulfillments
                .move(tx, id, FulfillmentStatus.CANCELLED, null, null, now)
                .call(moved -> moved ? news.cancelled(tx, id) : Uni.createFrom().voidItem());
    }

    /** The buyer confirms a parcel arrived: SHIPPED → DELIVERED, which starts the hold. */
    public Uni<FulfillmentApi.FulfillmentRef> received(Caller buyer, UUID orderId, UUID id) {
        return transactions.inTransaction(tx -> orders.lockBuyer(tx, orderId).flatMap(orderBuyer -> {
            if (orderBuyer.isEmpty() || !orderBuyer.get().equals(buyer.id())) {
                throw ProblemException.notFound("Order", orderId);
            }
            return fulfillments.owner(tx, id).flatMap(owner -> {
                if (owner.isEmpty() || !owner.get().orderId().equals(orderId)) {
                    throw ProblemException.notFound("Fulfillment", id);
                }
                return fulfillments
                        .move(tx, id, FulfillmentStatus.DELIVERED, null, null, clock.instant())
                        .flatMap(
                                moved -> fulfillments.refs(tx, List.of(orderId)).map(refs -> {
                                    FulfillmentApi.FulfillmentRef ref = refs.get(orderId).stream()
                                            .filter(r -> r.id().equals(id))
                                            .findFirst()
                                            .orElseThrow();
                                    if (!moved && !ref.status().equals("DELIVERED")) {
                                        throw new ProblemException(
                                                ProblemType.ILLEGAL_TRANSITION,
                                                "A " + ref.status() + " fulfillment cannot be received");
                                    }
                                    return ref;
                                }));
            });
        }));
    }

    public Uni<FulfillmentApi.FulfillmentView> view(UUID id) {
        return view(transactions.autoCommit(), id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Fulfillment", id)));
    }

    /**
     * The fulfilment as its cooperative sees it, share-locked until the caller's transaction ends:
     * it cannot be moved or cancelled meanwhile (origin records lots against it this way).
     */
    public Uni<Optional<FulfillmentApi.FulfillmentView>> lockShared(Tx tx, UUID id) {
        return view(tx, id, true);
    }

    private Uni<Optional<FulfillmentApi.FulfillmentView>> view(Tx tx, UUID id) {
        return view(tx, id, false);
    }

    private Uni<Optional<FulfillmentApi.FulfillmentView>> view(Tx tx, UUID id, boolean share) {
        return fulfillments
                .find(tx, id, share)
                .flatMap(found -> found.isEmpty()
                        ? Uni.createFrom().item(Optional.<FulfillmentApi.FulfillmentView>empty())
                        : views(tx, List.of(found.get())).map(list -> Optional.of(list.get(0))));
    }

    /** Fulfilments as the API shows them, with their orders' addresses and lines: two more queries. */
    private Uni<List<FulfillmentApi.FulfillmentView>> views(Tx tx, List<FulfillmentRows.Stored> stored) {
        List<UUID> orderIds =
                stored.stream().map(FulfillmentRows.Stored::orderId).distinct().toList();
        return orders.shipments(tx, orderIds).map(shipments -> stored.stream()
                .map(f -> FulfillmentRows.view(f, shipments.get(f.orderId())))
                .toList());
    }

    /** The fulfilment a cooperative's short code names (case-insensitive); empty for another's. */
    public Uni<Optional<UUID>> byShortCode(UUID cooperativeId, String shortCode) {
        return fulfillments.byShortCode(cooperativeId, shortCode.toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * Fulfilments still NEW opened before {@code before} and after the keyset ({@code afterTime},
     * {@code afterId}; a null id starts at {@code afterTime}), oldest first: page on with the last one.
     */
    public Uni<List<FulfillmentAlerts.Opened>> stillNew(Instant afterTime, UUID afterId, Instant before, int limit) {
        return fulfillments.stillNew(afterTime, afterId, before, limit);
    }

    /** Short codes and cooperatives of these fulfilments (what an alert may say). */
    public Uni<List<FulfillmentAlerts.Opened>> opened(Tx tx, List<UUID> ids) {
        return fulfillments.opened(tx, ids);
    }

    public Uni<Boolean> anyShipped(Tx tx, UUID orderId) {
        return fulfillments.anyShipped(tx, orderId);
    }

    public Uni<Map<UUID, List<FulfillmentApi.FulfillmentRef>>> refs(Tx client, List<UUID> orderIds) {
        return fulfillments.refs(client, orderIds);
    }

    public Uni<Page<FulfillmentApi.FulfillmentView>> list(
            Caller caller, UUID cooperativeId, FulfillmentStatus status, PageRequest page) {
        caller.requireCooperative(cooperativeId);
        Tx tx = transactions.autoCommit();
        return fulfillments.page(cooperativeId, status, page).flatMap(p -> views(tx, p.items())
                .map(list -> new Page<>(list, p.page(), p.size(), p.total())));
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
        return transactions.inTransaction(tx -> fulfillments.owner(tx, id).flatMap(owner -> {
            if (owner.isEmpty()) {
                throw ProblemException.notFound("Fulfillment", id);
            }
            caller.requireCooperative(owner.get().cooperativeId());
            UUID orderId = owner.get().orderId();
            return orders.lockBuyer(tx, orderId)
                    .flatMap(buyer -> fulfillments
                            .move(
                                    tx,
                                    id,
                                    to,
                                    shipment == null ? null : shipment.carrier().trim(),
                                    shipment == null
                                            ? null
                                            : shipment.trackingNumber().trim(),
                                    clock.instant())
                            .call(moved -> moved && to == FulfillmentStatus.SHIPPED && buyer.isPresent()
                                    ? notices.shipped(tx, buyer.get(), orderId, id)
                                    : Uni.createFrom().voidItem()))
                    .flatMap(moved -> view(tx, id).map(view -> {
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
