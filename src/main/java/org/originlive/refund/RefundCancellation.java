package org.originlive.refund;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.Caller;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;
import org.originlive.fulfillment.FulfillmentApi;
import org.originlive.fulfillment.FulfillmentMoney;
import org.originlive.fulfillment.FulfillmentService;
import org.originlive.fulfillment.FulfillmentStatus;
import org.originlive.order.OrderLine;
import org.originlive.order.OrderRefunds;
import org.originlive.order.PaidOrderRefunds;
import org.originlive.order.StoredOrder;

/**
 * Cancellations that give money back: the buyer cancelling a paid order (v1) and a cooperative
 * cancelling a fulfilment it cannot ship. Both record a SUCCEEDED refund of what is left, with
 * the same ledger effect as any refund, and put the units back on sale.
 */
@ApplicationScoped
public class RefundCancellation implements PaidOrderRefunds {

    private final Transactions transactions;

    private final RefundRepository refunds;
    private final RefundService service;
    private final RefundPayments payments;
    private final OrderRefunds orders;
    private final FulfillmentMoney money;
    private final FulfillmentService fulfillments;
    private final Clock clock;

    RefundCancellation(
            Transactions transactions,
            RefundRepository refunds,
            RefundService service,
            RefundPayments payments,
            OrderRefunds orders,
            FulfillmentMoney money,
            FulfillmentService fulfillments,
            Clock clock) {
        this.transactions = transactions;
        this.refunds = refunds;
        this.service = service;
        this.payments = payments;
        this.orders = orders;
        this.money = money;
        this.fulfillments = fulfillments;
        this.clock = clock;
    }

    @Override
    public Uni<Void> refundAll(Tx tx, StoredOrder order, String reason, Instant now) {
        return money.ofOrder(tx, order.id()).flatMap(states -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (FulfillmentMoney.State f : states) {
                if (f.status() == FulfillmentStatus.NEW || f.status() == FulfillmentStatus.ACCEPTED) {
                    chain = chain.flatMap(x -> refundRest(tx, order, f, reason, false, now))
                            .replaceWithVoid();
                }
            }
            return chain;
        });
    }

    /** The cooperative cannot ship: NEW or ACCEPTED → CANCELLED, what is left refunded and restocked. */
    public Uni<FulfillmentApi.FulfillmentView> cancelFulfillment(Caller caller, UUID id, String reason) {
        Instant now = clock.instant();
        return money.one(transactions.autoCommit(), id)
                .flatMap(first -> {
                    if (first.isEmpty()) {
                        throw ProblemException.notFound("Fulfillment", id);
                    }
                    caller.requireCooperative(first.get().cooperativeId());
                    UUID orderId = first.get().orderId();
                    return transactions.inTransaction(tx -> orders.lock(tx, orderId)
                            .flatMap(order -> money.ofOrder(tx, orderId).flatMap(states -> {
                                FulfillmentMoney.State f = states.stream()
                                        .filter(s -> s.id().equals(id))
                                        .findFirst()
                                        .orElseThrow();
                                if (f.status() != FulfillmentStatus.NEW && f.status() != FulfillmentStatus.ACCEPTED) {
                                    throw new ProblemException(
                                            ProblemType.ILLEGAL_TRANSITION,
                                            "A " + f.status() + " fulfillment cannot be cancelled");
                                }
                                return refundRest(tx, order.get(), f, reason.trim(), true, now);
                            })));
                })
                .call(refund -> refund.map(payments::giveBack)
                        .orElseGet(() -> Uni.createFrom().voidItem()))
                .flatMap(x -> fulfillments.view(id));
    }

    /** A SUCCEEDED refund of every unit of the fulfilment not yet refunded or asked for. */
    private Uni<Optional<RefundApi.RefundView>> refundRest(
            Tx tx, StoredOrder order, FulfillmentMoney.State f, String reason, boolean moveOrder, Instant now) {
        return orders.lines(tx, order.id())
                .flatMap(lines -> refunds.claimed(tx, order.id()).flatMap(claimed -> {
                    List<RefundApi.Line> rest = rest(lines, claimed, f.cooperativeId());
                    if (rest.isEmpty()) {
                        return Uni.createFrom().item(Optional.<RefundApi.RefundView>empty());
                    }
                    long amount = 0;
                    for (RefundApi.Line l : rest) {
                        OrderLine line = lines.stream()
                                .filter(o -> o.id().equals(l.lineId()))
                                .findFirst()
                                .orElseThrow();
                        amount = Math.addExact(amount, Math.multiplyExact(line.unitPriceMinor(), l.quantity()));
                    }
                    StoredRefund refund = new StoredRefund(
                            UUID.randomUUID(),
                            order.id(),
                            f.id(),
                            f.cooperativeId(),
                            order.buyerId(),
                            RefundStatus.REQUESTED,
                            amount,
                            0,
                            order.currency(),
                            reason,
                            null,
                            null,
                            now,
                            rest,
                            ProviderStatus.NONE);
                    return refunds.insert(tx, refund, null, now)
                            .flatMap(x -> service.succeed(tx, order, f, refund, true, moveOrder, now))
                            .map(Optional::of);
                }));
    }

    private static List<RefundApi.Line> rest(List<OrderLine> lines, Map<UUID, Integer> claimed, UUID cooperativeId) {
        return lines.stream()
                .filter(l -> l.cooperativeId().equals(cooperativeId))
                .filter(l -> l.quantity() > claimed.getOrDefault(l.id(), 0))
                .map(l -> new RefundApi.Line(l.id(), l.quantity() - claimed.getOrDefault(l.id(), 0)))
                .toList();
    }
}
