package org.originlive.payment;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.common.RetryLater;
import org.originlive.common.Transactions;

/**
 * Closing trades at their provider: the earlier PENDING payment when the buyer opens another,
 * and every PENDING payment of an order about to expire. No database lock is held while a
 * provider is asked; its answer goes through {@link PaymentSettlement} like any other.
 */
@ApplicationScoped
public class PaymentClosing {

    private final Transactions transactions;
    private final PaymentRepository payments;
    private final PaymentSettlement settlement;
    private final Gateways gateways;
    private final Clock clock;

    PaymentClosing(
            Transactions transactions,
            PaymentRepository payments,
            PaymentSettlement settlement,
            Gateways gateways,
            Clock clock) {
        this.transactions = transactions;
        this.payments = payments;
        this.settlement = settlement;
        this.gateways = gateways;
        this.clock = clock;
    }

    /** Before another payment opens: 409 already-paid if the earlier one was paid meanwhile, 503 if its provider cannot say. */
    Uni<Void> closeEarlier(UUID orderId) {
        return payments.pendingOf(transactions.autoCommit(), orderId).flatMap(pending -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (StoredPayment p : pending) {
                chain = chain.flatMap(x -> close(p).onFailure(PaymentGateway.GatewayException.class)
                        .transform(e -> new RetryLater(
                                ProblemType.UNAVAILABLE,
                                "The earlier payment's provider did not answer; try again",
                                5,
                                null))
                        .invoke(outcome -> {
                            if (outcome == PaymentSettlement.Outcome.PAID) {
                                throw new ProblemException(ProblemType.ALREADY_PAID, "The earlier payment was paid");
                            }
                        })
                        .replaceWithVoid());
            }
            return chain;
        });
    }

    /**
     * Before these orders expire: closes their PENDING payments; an order whose payment turns
     * out paid becomes PAID instead. A provider that errs is logged and the order expires anyway
     * (a later success is a late payment, refunded).
     */
    public Uni<Void> beforeExpiry(List<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return payments.pendingOf(orderIds).flatMap(pending -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (StoredPayment p : pending) {
                chain = chain.flatMap(x -> close(p).onFailure()
                        .invoke(e -> Log.warnf(
                                "Could not close payment %s before its order expired: %s", p.id(), e.getMessage()))
                        .onFailure()
                        .recoverWithNull()
                        .replaceWithVoid());
            }
            return chain;
        });
    }

    Uni<PaymentSettlement.Outcome> close(StoredPayment p) {
        return gateways.of(p.provider())
                .close(p.outTradeNo())
                .flatMap(state -> settlement.apply(p.provider(), p.outTradeNo(), state));
    }

    /** The provider never opened the trade: FAILED, and the order stays payable. */
    Uni<Void> failed(UUID id) {
        return transactions
                .inTransaction(tx -> payments.move(
                        tx,
                        id,
                        List.of(PaymentStatus.PENDING),
                        PaymentStatus.FAILED,
                        PaymentRepository.Settlement.NONE,
                        clock.instant()))
                .replaceWithVoid();
    }
}
