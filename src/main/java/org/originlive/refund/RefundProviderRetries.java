package org.originlive.refund;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.originlive.common.Transactions;
import org.originlive.order.OrderRefunds;
import org.originlive.payment.PaymentGateway;
import org.originlive.payment.PaymentRefunds;
import org.originlive.payment.Provider;

/**
 * Refunds still PROCESSING at their provider are asked about; FAILED ones are sent again under
 * the same refund number (the provider refunds a number once). One replica per refund per round.
 */
@ApplicationScoped
public class RefundProviderRetries {

    private static final int BATCH = 20;

    private final Transactions transactions;
    private final RefundRepository refunds;
    private final OrderRefunds orders;
    private final PaymentRefunds providerRefunds;
    private final RefundPayments payments;
    private final Duration gap;
    private final Clock clock;

    RefundProviderRetries(
            Transactions transactions,
            RefundRepository refunds,
            OrderRefunds orders,
            PaymentRefunds providerRefunds,
            RefundPayments payments,
            @org.eclipse.microprofile.config.inject.ConfigProperty(
                            name = "originlive.payments.query-after",
                            defaultValue = "30s")
                    Duration gap,
            Clock clock) {
        this.transactions = transactions;
        this.refunds = refunds;
        this.orders = orders;
        this.providerRefunds = providerRefunds;
        this.payments = payments;
        this.gap = gap;
        this.clock = clock;
    }

    @Scheduled(
            every = "${originlive.payments.reconcile-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> everyRound() {
        return round().onFailure()
                .invoke(e -> Log.warnf("Refund retry round failed: %s", e.getMessage()))
                .onFailure()
                .recoverWithNull();
    }

    Uni<Void> round() {
        return refunds.claimProviderOpen(clock.instant(), gap, BATCH).flatMap(this::each);
    }

    private Uni<Void> each(List<StoredRefund> open) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (StoredRefund r : open) {
            chain = chain.flatMap(x -> retry(r).onFailure().recoverWithUni(e -> {
                Log.warnf("Refund %s not settled at its provider: %s", r.id(), e.getMessage());
                return Uni.createFrom().voidItem();
            }));
        }
        return chain;
    }

    private Uni<Void> retry(StoredRefund r) {
        return orders.find(transactions.autoCommit(), r.orderId()).flatMap(order -> {
            Provider provider =
                    PaymentRefunds.provider(order.get().paymentMethod()).orElseThrow();
            if (r.providerStatus() == ProviderStatus.FAILED) {
                return payments.send(provider, order.get(), r.id(), r.amountMinor(), r.reason());
            }
            return providerRefunds
                    .query(provider, order.get().paymentReference(), r.id())
                    .map(PaymentGateway.RefundState::status)
                    .flatMap(status -> payments.record(r.id(), ProviderStatus.valueOf(status.name())));
        });
    }
}
