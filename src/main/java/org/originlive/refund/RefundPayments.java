package org.originlive.refund;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import org.originlive.common.Transactions;
import org.originlive.order.OrderRefunds;
import org.originlive.order.StoredOrder;
import org.originlive.payment.PaymentGateway;
import org.originlive.payment.PaymentMetrics;
import org.originlive.payment.PaymentProviders;
import org.originlive.payment.PaymentRefunds;
import org.originlive.payment.Provider;

/**
 * Gives a succeeded refund's money back through the provider the buyer paid with, after the
 * refund committed (a provider call never holds database locks). WeChat Pay and Alipay refunds
 * are numbered by the refund's id and tracked in {@code providerStatus}; a failure alerts and
 * {@link RefundProviderRetries} sends it again under the same number. The ledger already shows
 * the money as owed to the buyer (payment clearing) whatever the provider does.
 */
@ApplicationScoped
public class RefundPayments {

    private final Transactions transactions;
    private final OrderRefunds orders;
    private final PaymentProviders providers;
    private final PaymentRefunds providerRefunds;
    private final RefundRepository refunds;
    private final PaymentMetrics metrics;
    private final Clock clock;

    RefundPayments(
            Transactions transactions,
            OrderRefunds orders,
            PaymentProviders providers,
            PaymentRefunds providerRefunds,
            RefundRepository refunds,
            PaymentMetrics metrics,
            Clock clock) {
        this.transactions = transactions;
        this.orders = orders;
        this.providers = providers;
        this.providerRefunds = providerRefunds;
        this.refunds = refunds;
        this.metrics = metrics;
        this.clock = clock;
    }

    Uni<Void> giveBack(RefundApi.RefundView refund) {
        if (refund.status() != RefundStatus.SUCCEEDED || refund.amountMinor() == 0) {
            return Uni.createFrom().voidItem();
        }
        return orders.find(transactions.autoCommit(), refund.orderId()).flatMap(order -> {
            Optional<Provider> provider = PaymentRefunds.provider(order.get().paymentMethod());
            return provider.isPresent()
                    ? send(provider.get(), order.get(), refund.id(), refund.amountMinor(), refund.reason())
                    : legacy(order.get(), refund);
        });
    }

    /** To WeChat Pay or Alipay: PROCESSING, SUCCEEDED or FAILED, recorded on the refund. */
    Uni<Void> send(Provider provider, StoredOrder order, java.util.UUID refundId, long amountMinor, String reason) {
        return providerRefunds
                .refund(provider, order.paymentReference(), refundId, amountMinor, reason)
                .map(PaymentGateway.RefundState::status)
                .onFailure()
                .recoverWithItem(e -> {
                    Log.warnf(
                            "Refund %s not sent to %s: %s; it will be sent again", refundId, provider, e.getMessage());
                    return PaymentGateway.RefundStatus.FAILED;
                })
                .flatMap(status -> record(refundId, ProviderStatus.valueOf(status.name())));
    }

    Uni<Void> record(java.util.UUID refundId, ProviderStatus status) {
        if (status == ProviderStatus.FAILED) {
            metrics.buyerRefundFailed();
            Log.errorf("ALERT refund %s: the provider has not taken it; retrying under the same number", refundId);
        }
        return refunds.providerStatus(refundId, status, clock.instant()).replaceWithVoid();
    }

    private Uni<Void> legacy(StoredOrder order, RefundApi.RefundView refund) {
        return providers
                .forMethod(order.paymentMethod())
                .map(p -> p.refund(order.id(), order.paymentReference(), refund.amountMinor(), refund.currency())
                        .onFailure()
                        .invoke(e ->
                                Log.errorf(e, "Provider refund of refund %s failed; settle it by hand", refund.id()))
                        .onFailure()
                        .recoverWithNull())
                .orElseGet(() -> {
                    Log.errorf("Order %s was paid by an unknown method; refund %s by hand", order.id(), refund.id());
                    return Uni.createFrom().voidItem();
                });
    }
}
