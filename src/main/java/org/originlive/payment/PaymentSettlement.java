package org.originlive.payment;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.originlive.common.Caller;
import org.originlive.common.ProblemException;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/**
 * The provider's word applied to our records, whichever way it came (a verified notification,
 * our own query, the answer to a close): PAID makes the order PAID in the same transaction as
 * its ledger posting; a payment for an order that is no longer RESERVED is marked for a full
 * refund through the provider. Repeats change nothing.
 */
@ApplicationScoped
public class PaymentSettlement {

    /** What the word did. */
    public enum Outcome {
        /** The order is PAID now (or was already, by this payment). */
        PAID,
        /** Paid, but the order had expired or was cancelled: the money goes back. */
        LATE,
        CLOSED,
        /** Nothing to do yet: the trade is open and unpaid. */
        OPEN
    }

    private static final List<PaymentStatus> NOT_SUCCEEDED =
            List.of(PaymentStatus.PENDING, PaymentStatus.CLOSED, PaymentStatus.FAILED);

    private final Transactions transactions;
    private final PaymentRepository payments;
    private final PayableOrders orders;
    private final Clock clock;

    PaymentSettlement(Transactions transactions, PaymentRepository payments, PayableOrders orders, Clock clock) {
        this.transactions = transactions;
        this.payments = payments;
        this.orders = orders;
        this.clock = clock;
    }

    /**
     * Applies the provider's state of one of our trades.
     *
     * @throws PaymentGateway.NoticeRejected for an unknown trade, another provider's, or an amount
     *     or currency that is not the payment's (nothing changes)
     */
    public Uni<Outcome> apply(Provider provider, String outTradeNo, PaymentGateway.TradeState state) {
        return transactions.inTransaction(
                tx -> payments.byOutTradeNo(tx, outTradeNo, true).flatMap(found -> {
                    StoredPayment p = found.filter(x -> x.provider() == provider)
                            .orElseThrow(() -> new PaymentGateway.NoticeRejected("unknown trade " + outTradeNo));
                    return switch (state.status()) {
                        case PAID, REFUNDED -> paid(tx, p, state);
                        case CLOSED -> payments.move(
                                        tx,
                                        p.id(),
                                        List.of(PaymentStatus.PENDING),
                                        PaymentStatus.CLOSED,
                                        PaymentRepository.Settlement.NONE,
                                        clock.instant())
                                .replaceWith(Outcome.CLOSED);
                        case NOT_PAID -> Uni.createFrom().item(Outcome.OPEN);
                    };
                }));
    }

    /** The sandbox page's button: the buyer's own SANDBOX payment is paid, at its own amount. */
    public Uni<Void> sandboxPaid(Caller buyer, String outTradeNo) {
        return payments.byOutTradeNo(transactions.autoCommit(), outTradeNo, false)
                .flatMap(found -> {
                    StoredPayment p = found.filter(x -> x.provider() == Provider.SANDBOX
                                    && x.buyerId().equals(buyer.id()))
                            .orElseThrow(() -> ProblemException.notFound("Sandbox payment", outTradeNo));
                    PaymentGateway.TradeState state = new PaymentGateway.TradeState(
                            PaymentGateway.TradeStatus.PAID,
                            "sandbox_" + outTradeNo,
                            p.amountMinor(),
                            p.currency(),
                            clock.instant());
                    return apply(Provider.SANDBOX, outTradeNo, state).replaceWithVoid();
                });
    }

    /** The provider's word on a late payment's refund. */
    Uni<Void> lateRefunded(Provider provider, String outTradeNo, PaymentGateway.RefundState state) {
        return payments.byOutTradeNo(transactions.autoCommit(), outTradeNo, false)
                .flatMap(found -> {
                    StoredPayment p = found.filter(x -> x.provider() == provider && x.lateRefund() != null)
                            .orElseThrow(() -> new PaymentGateway.NoticeRejected("no late refund of " + outTradeNo));
                    if (!state.fits(p.amountMinor())) {
                        Log.errorf(
                                "ALERT payment %s: the provider reports %d refunded, its late refund is %d; nothing changed",
                                p.id(), state.amountMinor(), p.amountMinor());
                        throw new PaymentGateway.NoticeRejected("refunded amount differs from the payment's");
                    }
                    return payments.lateRefund(p.id(), state.status().name(), clock.instant());
                });
    }

    private Uni<Outcome> paid(Tx tx, StoredPayment p, PaymentGateway.TradeState state) {
        if (state.amountMinor() != p.amountMinor() || !p.currency().equals(state.currency())) {
            Log.errorf(
                    "ALERT payment %s: the provider reports %d %s paid, we asked for %d %s; nothing changed",
                    p.id(), state.amountMinor(), state.currency(), p.amountMinor(), p.currency());
            throw new PaymentGateway.NoticeRejected("amount or currency differs from the payment's");
        }
        if (p.status() == PaymentStatus.SUCCEEDED || p.status() == PaymentStatus.REFUNDED) {
            return Uni.createFrom().item(p.lateRefund() == null ? Outcome.PAID : Outcome.LATE);
        }
        String method = p.provider().name().toLowerCase();
        return orders.paid(tx, p.orderId(), method, p.outTradeNo(), clock.instant())
                .flatMap(onTime -> payments.move(
                                tx,
                                p.id(),
                                NOT_SUCCEEDED,
                                PaymentStatus.SUCCEEDED,
                                new PaymentRepository.Settlement(state.transactionId(), onTime ? null : "PENDING"),
                                clock.instant())
                        .replaceWith(onTime ? Outcome.PAID : Outcome.LATE))
                .invoke(outcome -> {
                    if (outcome == Outcome.LATE) {
                        Log.warnf("Payment %s succeeded after its order %s closed; refunding it", p.id(), p.orderId());
                    }
                });
    }
}
