package org.originlive.refund;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.originlive.common.Tx;
import org.originlive.fulfillment.FulfillmentMoney;
import org.originlive.fulfillment.FulfillmentService;
import org.originlive.fulfillment.FulfillmentStatus;
import org.originlive.ledger.AccountType;
import org.originlive.ledger.Bucket;
import org.originlive.ledger.Ledger;
import org.originlive.ledger.LedgerEntry;
import org.originlive.ledger.Posting;
import org.originlive.order.OrderLine;
import org.originlive.order.OrderRefunds;
import org.originlive.order.OrderStatus;
import org.originlive.order.StoredOrder;

/**
 * What a succeeded refund changes, all in the caller's transaction (which holds the order's
 * lock and its fulfilments' locks): the ledger takes the money back from the cooperative
 * (its pending money for this fulfilment first, then available, which may go negative and is
 * netted from the next payout) and the reversed fee from the platform; the lines count the
 * refunded units; a fully refunded unshipped fulfilment ends; the order's state follows.
 */
@ApplicationScoped
public class RefundSettlement {

    private final OrderRefunds orders;
    private final FulfillmentMoney money;
    private final FulfillmentService fulfillments;
    private final Ledger ledger;

    RefundSettlement(OrderRefunds orders, FulfillmentMoney money, FulfillmentService fulfillments, Ledger ledger) {
        this.orders = orders;
        this.money = money;
        this.fulfillments = fulfillments;
        this.ledger = ledger;
    }

    /** A refund to settle: whether its units go back on sale, whether the order's state follows. */
    record Settle(
            StoredOrder order,
            FulfillmentMoney.State fulfillment,
            UUID refundId,
            List<RefundApi.Line> lines,
            long amountMinor,
            boolean restock,
            boolean moveOrder) {}

    /** Settles and answers the fee reversed. */
    Uni<Long> settle(Tx tx, Settle s, Instant now) {
        FulfillmentMoney.State f = s.fulfillment();
        long reversal =
                FeeReversal.of(f.grossMinor(), f.feeMinor(), f.refundedMinor(), f.feeReversedMinor(), s.amountMinor());
        long share = s.amountMinor() - reversal;
        Map<UUID, Integer> units = new HashMap<>();
        s.lines().forEach(l -> units.merge(l.lineId(), l.quantity(), Integer::sum));
        return ledger.lock(tx, f.cooperativeId())
                .flatMap(x -> ledger.fulfillmentBalance(tx, f.id(), Bucket.PENDING))
                .flatMap(pending -> ledger.post(tx, posting(s, share, reversal, Math.max(0, pending)), now))
                .flatMap(x -> money.addRefund(tx, f.id(), s.amountMinor(), reversal, now))
                .flatMap(x -> orders.addRefunded(tx, units))
                .flatMap(x -> orders.lines(tx, s.order().id()))
                .flatMap(lines -> afterwards(tx, s, lines, units, now))
                .replaceWith(reversal);
    }

    private static Posting posting(Settle s, long share, long reversal, long pending) {
        FulfillmentMoney.State f = s.fulfillment();
        long fromPending = Math.min(share, pending);
        String currency = f.currency();
        return new Posting(
                "REFUND",
                "refund",
                s.refundId(),
                List.of(
                        LedgerEntry.cooperative(f.cooperativeId(), Bucket.PENDING, currency, -fromPending)
                                .forFulfillment(f.id()),
                        LedgerEntry.cooperative(f.cooperativeId(), Bucket.AVAILABLE, currency, fromPending - share)
                                .forFulfillment(f.id()),
                        LedgerEntry.of(AccountType.PLATFORM_FEES, currency, -reversal)
                                .forFulfillment(f.id()),
                        LedgerEntry.of(AccountType.PAYMENT_CLEARING, currency, s.amountMinor())
                                .forFulfillment(f.id())));
    }

    private Uni<Void> afterwards(Tx tx, Settle s, List<OrderLine> lines, Map<UUID, Integer> units, Instant now) {
        FulfillmentMoney.State f = s.fulfillment();
        boolean fulfillmentDone = lines.stream()
                .filter(l -> l.cooperativeId().equals(f.cooperativeId()))
                .allMatch(l -> l.refundedQuantity() == l.quantity());
        boolean orderDone = lines.stream().allMatch(l -> l.refundedQuantity() == l.quantity());
        boolean unshipped = f.status() == FulfillmentStatus.NEW || f.status() == FulfillmentStatus.ACCEPTED;
        Uni<?> chain = fulfillmentDone && unshipped
                ? fulfillments.cancelRefunded(tx, f.id(), now)
                : Uni.createFrom().voidItem();
        if (s.moveOrder()) {
            OrderStatus to = orderDone ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
            chain = chain.flatMap(x -> orders.markRefunded(tx, s.order().id(), to, now));
        }
        if (s.restock()) {
            List<OrderLine> back = lines.stream()
                    .filter(l -> units.containsKey(l.id()))
                    .map(l -> l.withQuantity(units.get(l.id())))
                    .toList();
            chain = chain.flatMap(x -> orders.restock(tx, s.order(), back));
        }
        return chain.replaceWithVoid();
    }
}
