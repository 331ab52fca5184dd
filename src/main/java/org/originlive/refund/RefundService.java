package org.originlive.refund;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.originlive.common.Caller;
import org.originlive.common.CooperativeEvents;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.common.RequestKeys;
import org.originlive.common.Role;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;
import org.originlive.fulfillment.FulfillmentConfig;
import org.originlive.fulfillment.FulfillmentMoney;
import org.originlive.order.OrderRefunds;
import org.originlive.order.OrderStatus;
import org.originlive.order.StoredOrder;

/**
 * Buyers' refund requests and cooperatives' decisions. Every change runs under the order's row
 * lock, so refunds of one order never race; the buyer's key makes a retried request harmless.
 */
@ApplicationScoped
public class RefundService {

    private final Transactions transactions;

    /** A refund, and whether it was an earlier request's (a replay of the same key). */
    public record Placed(RefundApi.RefundView refund, boolean replayed) {}

    private final RefundRepository refunds;
    private final RefundSettlement settlement;
    private final RefundPayments payments;
    private final OrderRefunds orders;
    private final FulfillmentMoney money;
    private final FulfillmentConfig config;
    private final ObjectMapper json;
    private final CooperativeEvents events;
    private final Clock clock;

    RefundService(
            Transactions transactions,
            RefundRepository refunds,
            RefundSettlement settlement,
            RefundPayments payments,
            OrderRefunds orders,
            FulfillmentMoney money,
            FulfillmentConfig config,
            ObjectMapper json,
            CooperativeEvents events,
            Clock clock) {
        this.transactions = transactions;
        this.refunds = refunds;
        this.settlement = settlement;
        this.payments = payments;
        this.orders = orders;
        this.money = money;
        this.config = config;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    public Uni<Placed> request(Caller buyer, UUID orderId, String key, RefundApi.RefundRequest body) {
        RequestKeys.require(key);
        String hash = RequestKeys.hash(json, "refund:" + orderId, body);
        Instant now = clock.instant();
        return transactions
                .inTransaction(tx -> orders.lock(tx, orderId).flatMap(found -> {
                    if (found.isEmpty() || !found.get().buyerId().equals(buyer.id())) {
                        throw ProblemException.notFound("Order", orderId);
                    }
                    return refunds.byKey(tx, buyer.id(), key).flatMap(earlier -> {
                        if (earlier.isPresent()) {
                            if (!earlier.get().requestHash().equals(hash)) {
                                throw new ProblemException(
                                        ProblemType.IDEMPOTENCY_MISMATCH,
                                        "This Idempotency-Key was used for another request");
                            }
                            return Uni.createFrom()
                                    .item(new Placed(earlier.get().view(), true));
                        }
                        return create(tx, found.get(), key, hash, body, now);
                    });
                }))
                .call(placed -> placed.replayed() ? Uni.createFrom().voidItem() : payments.giveBack(placed.refund()));
    }

    private Uni<Placed> create(
            Tx tx, StoredOrder order, String key, String hash, RefundApi.RefundRequest body, Instant now) {
        if (order.status() != OrderStatus.PAID && order.status() != OrderStatus.PARTIALLY_REFUNDED) {
            throw new ProblemException(
                    ProblemType.ORDER_NOT_REFUNDABLE, "A " + order.status() + " order has nothing to refund");
        }
        return orders.lines(tx, order.id()).flatMap(lines -> refunds.claimed(tx, order.id())
                .flatMap(claimed -> money.ofOrder(tx, order.id()).flatMap(states -> {
                    RefundRules.Checked checked = RefundRules.check(body, lines, claimed);
                    FulfillmentMoney.State f = states.stream()
                            .filter(s -> s.cooperativeId().equals(checked.cooperativeId()))
                            .findFirst()
                            .orElseThrow(() -> ProblemException.invalid("lines", "not in a fulfilment"));
                    RefundStatus status = RefundRules.outcome(f, now, config.refundWindow());
                    StoredRefund refund = new StoredRefund(
                            UUID.randomUUID(),
                            order.id(),
                            f.id(),
                            f.cooperativeId(),
                            order.buyerId(),
                            RefundStatus.REQUESTED,
                            checked.amountMinor(),
                            0,
                            order.currency(),
                            body.reason().trim(),
                            null,
                            hash,
                            now,
                            checked.lines(),
                            ProviderStatus.NONE);
                    Uni<Void> stored = refunds.insert(tx, refund, key, now);
                    if (status == RefundStatus.REQUESTED) {
                        return stored.flatMap(x -> told(tx, CooperativeEvents.REFUND_REQUESTED, refund, refund.view()))
                                .map(view -> new Placed(view, false));
                    }
                    return stored.flatMap(x -> succeed(tx, order, f, refund, true, true, now))
                            .map(view -> new Placed(view, false));
                })));
    }

    /** The cooperative (or an admin) accepts a delivered parcel's refund: money back, no restock. */
    public Uni<RefundApi.RefundView> approve(Caller caller, UUID id) {
        return decide(caller, id, (tx, order, refund, f) -> succeed(tx, order, f, refund, false, true, clock.instant()))
                .call(payments::giveBack);
    }

    public Uni<RefundApi.RefundView> reject(Caller caller, UUID id, String reason) {
        return decide(caller, id, (tx, order, refund, f) -> refunds.decide(
                        tx, id, RefundStatus.REJECTED, 0, reason.trim(), clock.instant())
                .flatMap(x -> refunds.find(tx, id))
                .map(r -> r.get().view()));
    }

    interface Decision {
        Uni<RefundApi.RefundView> apply(
                Tx tx, StoredOrder order, StoredRefund refund, FulfillmentMoney.State fulfillment);
    }

    private Uni<RefundApi.RefundView> decide(Caller caller, UUID id, Decision decision) {
        return refunds.find(transactions.autoCommit(), id).flatMap(first -> {
            if (first.isEmpty() || !caller.mayManage(first.get().cooperativeId())) {
                throw ProblemException.notFound("Refund", id);
            }
            UUID orderId = first.get().orderId();
            return transactions.inTransaction(tx -> orders.lock(tx, orderId)
                    .flatMap(order -> refunds.find(tx, id).flatMap(refund -> {
                        if (refund.get().status() != RefundStatus.REQUESTED) {
                            throw new ProblemException(
                                    ProblemType.REFUND_NOT_REQUESTED,
                                    "This refund is " + refund.get().status() + " already");
                        }
                        return money.ofOrder(tx, orderId)
                                .map(states -> states.stream()
                                        .filter(s -> s.id().equals(refund.get().fulfillmentId()))
                                        .findFirst()
                                        .orElseThrow())
                                .flatMap(f -> decision.apply(tx, order.get(), refund.get(), f));
                    })));
        });
    }

    /** Settles a refund (new or REQUESTED) and answers it as SUCCEEDED. */
    Uni<RefundApi.RefundView> succeed(
            Tx tx,
            StoredOrder order,
            FulfillmentMoney.State f,
            StoredRefund refund,
            boolean restock,
            boolean moveOrder,
            Instant now) {
        RefundSettlement.Settle settle = new RefundSettlement.Settle(
                order, f, refund.id(), refund.lines(), refund.amountMinor(), restock, moveOrder);
        return settlement
                .settle(tx, settle, now)
                .flatMap(reversal -> refunds.decide(tx, refund.id(), RefundStatus.SUCCEEDED, reversal, null, now))
                .flatMap(x -> refunds.find(tx, refund.id()))
                .flatMap(r -> told(
                        tx, CooperativeEvents.REFUND_SUCCEEDED, refund, r.get().view()));
    }

    /** The refund's cooperative is told (it sees the refund as its own GET does); answers the view. */
    private Uni<RefundApi.RefundView> told(Tx tx, String type, StoredRefund refund, RefundApi.RefundView view) {
        return events.tell(tx, type, refund.cooperativeId(), Uni.createFrom().item(view))
                .replaceWith(view);
    }

    public Uni<RefundApi.RefundView> get(Caller caller, UUID id) {
        return refunds.find(transactions.autoCommit(), id).map(found -> {
            if (found.isEmpty() || !mayRead(caller, found.get())) {
                throw ProblemException.notFound("Refund", id);
            }
            return found.get().view();
        });
    }

    /** The buyer and admins see every refund of the order; a cooperative only its own fulfilment's. */
    public Uni<RefundApi.RefundList> ofOrder(Caller caller, UUID orderId) {
        return orders.find(transactions.autoCommit(), orderId).flatMap(order -> refunds.ofOrder(
                        transactions.autoCommit(), orderId)
                .map(list -> {
                    boolean buyerOrAdmin = order.isPresent()
                            && (caller.is(Role.ADMIN) || order.get().buyerId().equals(caller.id()));
                    List<StoredRefund> visible = buyerOrAdmin
                            ? list
                            : list.stream().filter(r -> mayRead(caller, r)).toList();
                    if (order.isEmpty() || !buyerOrAdmin && visible.isEmpty()) {
                        throw ProblemException.notFound("Order", orderId);
                    }
                    return new RefundApi.RefundList(
                            visible.stream().map(StoredRefund::view).toList());
                }));
    }

    public Uni<Page<RefundApi.RefundView>> ofCooperative(
            Caller caller, UUID cooperativeId, RefundStatus status, PageRequest page) {
        caller.requireCooperative(cooperativeId);
        return refunds.page(cooperativeId, status, page).map(p -> p.map(StoredRefund::view));
    }

    private static boolean mayRead(Caller caller, StoredRefund refund) {
        return caller.is(Role.ADMIN)
                || refund.buyerId().equals(caller.id())
                || caller.is(Role.COOPERATIVE) && refund.cooperativeId().equals(caller.cooperativeId());
    }
}
