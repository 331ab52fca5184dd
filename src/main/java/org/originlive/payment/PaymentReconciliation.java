package org.originlive.payment;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Asks providers about PENDING payments: first {@code query-after} after opening, then with
 * doubling gaps, and closes those whose order's hold ran out. Gives late payments back in full.
 * Every replica runs it; {@code SKIP LOCKED} hands each payment to one replica per round.
 */
@ApplicationScoped
public class PaymentReconciliation {

    private static final int BATCH = 20;
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final PaymentRepository payments;
    private final PaymentClosing closing;
    private final PaymentSettlement settlement;
    private final Gateways gateways;
    private final PaymentConfig config;
    private final PaymentMetrics metrics;
    private final Clock clock;

    PaymentReconciliation(
            PaymentRepository payments,
            PaymentClosing closing,
            PaymentSettlement settlement,
            Gateways gateways,
            PaymentConfig config,
            PaymentMetrics metrics,
            Clock clock) {
        this.payments = payments;
        this.closing = closing;
        this.settlement = settlement;
        this.gateways = gateways;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(
            every = "${originlive.payments.reconcile-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> everyRound() {
        return round().onFailure()
                .invoke(e -> Log.warnf("Payment reconciliation round failed: %s", e.getMessage()))
                .onFailure()
                .recoverWithNull();
    }

    /** One round: due questions, then late refunds. */
    Uni<Void> round() {
        Instant now = clock.instant();
        return payments.claimDue(now, LEASE, BATCH)
                .flatMap(due -> each(due, p -> ask(p, now)))
                .flatMap(x -> payments.claimLateRefunds(now, config.queryAfter(), BATCH))
                .flatMap(late -> each(late, this::giveBack));
    }

    private Uni<Void> ask(StoredPayment p, Instant now) {
        Uni<PaymentSettlement.Outcome> asked = p.expiresAt().isAfter(now)
                ? gateways.of(p.provider())
                        .query(p.outTradeNo())
                        .flatMap(state -> settlement.apply(p.provider(), p.outTradeNo(), state))
                : closing.close(p);
        return asked.onFailure()
                .recoverWithItem(e -> {
                    Log.warnf(
                            "Provider %s could not say how payment %s stands: %s",
                            p.provider(), p.id(), e.getMessage());
                    return PaymentSettlement.Outcome.OPEN;
                })
                .flatMap(outcome -> outcome == PaymentSettlement.Outcome.OPEN
                        ? payments.askAgainAt(p.id(), now.plus(backoff(p.queries())))
                        : Uni.createFrom().voidItem());
    }

    /** query-after, doubled per question already asked, at most query-backoff-max. */
    Duration backoff(int asked) {
        Duration gap = config.queryAfter().multipliedBy(1L << Math.min(Math.max(asked, 0), 20));
        return gap.compareTo(config.queryBackoffMax()) > 0 ? config.queryBackoffMax() : gap;
    }

    /**
     * A late payment's full refund, under one refund number whatever the retries. A refusal (a
     * FAILED refund, or a provider error that is not a lost answer, e.g. WeChat Pay's NOT_ENOUGH)
     * alerts and is sent again next time; a call without an answer is simply asked again.
     */
    private Uni<Void> giveBack(StoredPayment p) {
        PaymentGateway gateway = gateways.of(p.provider());
        String refundNo = lateRefundNo(p);
        Uni<PaymentGateway.RefundState> state = "PROCESSING".equals(p.lateRefund())
                ? gateway.queryRefund(p.outTradeNo(), refundNo)
                : gateway.refund(new PaymentGateway.RefundOrder(
                        p.outTradeNo(),
                        refundNo,
                        p.amountMinor(),
                        p.amountMinor(),
                        p.currency(),
                        "Order closed before the payment arrived",
                        null));
        return state.map(s -> s.status())
                .onFailure(e -> e instanceof PaymentGateway.GatewayException g && !g.unreachable())
                .recoverWithItem(e -> {
                    Log.warnf("Provider refused the refund of late payment %s: %s", p.id(), e.getMessage());
                    return PaymentGateway.RefundStatus.FAILED;
                })
                .flatMap(status -> {
                    if (status == PaymentGateway.RefundStatus.FAILED) {
                        metrics.lateRefundFailed();
                        Log.errorf(
                                "ALERT late payment %s: the provider refused its refund %s; retrying",
                                p.id(), refundNo);
                    }
                    return payments.lateRefund(p.id(), status.name(), clock.instant());
                })
                .onFailure()
                .recoverWithUni(e -> {
                    Log.warnf("Refund of late payment %s not sent: %s; retrying", p.id(), e.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    static String lateRefundNo(StoredPayment p) {
        return "L" + p.outTradeNo();
    }

    private static Uni<Void> each(
            List<StoredPayment> list, java.util.function.Function<StoredPayment, Uni<Void>> work) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (StoredPayment p : list) {
            chain = chain.flatMap(x -> work.apply(p));
        }
        return chain;
    }
}
