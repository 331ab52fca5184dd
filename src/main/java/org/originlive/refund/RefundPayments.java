package org.originlive.refund;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.originlive.common.Transactions;
import org.originlive.order.OrderRefunds;
import org.originlive.payment.PaymentProviders;

/**
 * Gives a succeeded refund's money back through the provider the buyer paid with, after the
 * refund committed (a provider call never holds database locks). A failure is logged for the
 * payments team; the ledger already shows the money as owed to the buyer (payment clearing).
 */
@ApplicationScoped
public class RefundPayments {

    private final Transactions transactions;

    private final OrderRefunds orders;
    private final PaymentProviders providers;

    RefundPayments(Transactions transactions, OrderRefunds orders, PaymentProviders providers) {
        this.transactions = transactions;
        this.orders = orders;
        this.providers = providers;
    }

    Uni<Void> giveBack(RefundApi.RefundView refund) {
        if (refund.status() != RefundStatus.SUCCEEDED || refund.amountMinor() == 0) {
            return Uni.createFrom().voidItem();
        }
        return orders.find(transactions.autoCommit(), refund.orderId()).flatMap(order -> providers
                .forMethod(order.get().paymentMethod())
                .map(p -> p.refund(
                                order.get().id(),
                                order.get().paymentReference(),
                                refund.amountMinor(),
                                refund.currency())
                        .onFailure()
                        .invoke(e ->
                                Log.errorf(e, "Provider refund of refund %s failed; settle it by hand", refund.id()))
                        .onFailure()
                        .recoverWithNull())
                .orElseGet(() -> {
                    Log.errorf(
                            "Order %s was paid by an unknown method; refund %s by hand",
                            order.get().id(), refund.id());
                    return Uni.createFrom().voidItem();
                }));
    }
}
