package org.originlive.payout;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.originlive.common.OutageLog;

/**
 * Talks to providers after the payout is committed, and reconciles what is in doubt. The rule:
 * a transfer is only ever sent under the payout's own reference, and it is sent again only when
 * the provider's status query says it has never heard of that reference (NOT_FOUND) and no send
 * was ever acknowledged. A timeout, a 5xx or a PENDING answer never causes a resend.
 */
@ApplicationScoped
public class PayoutDispatcher {

    private static final int BATCH = 20;

    private final PayoutRepository payouts;
    private final PayoutProviders providers;
    private final PayoutSettlement settlement;
    private final PayoutConfig config;
    private final Clock clock;
    private final OutageLog outages = new OutageLog("Payout status polling");

    PayoutDispatcher(
            PayoutRepository payouts,
            PayoutProviders providers,
            PayoutSettlement settlement,
            PayoutConfig config,
            Clock clock) {
        this.payouts = payouts;
        this.providers = providers;
        this.settlement = settlement;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${originlive.payouts.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> everyPoll() {
        return outages.watch(pollDue());
    }

    /** When the first status query is due: after the send had its chance; never for manual payouts. */
    Instant firstPoll(Provider provider, Instant now) {
        if (provider == Provider.BANK_MANUAL) {
            return null;
        }
        Instant first = now.plus(config.timeout()).plus(config.pollBackoff());
        return provider == Provider.SANDBOX ? first.plus(config.sandbox().settleAfter()) : first;
    }

    /** Sends a freshly committed payout; its outcome is recorded, never thrown. */
    void dispatch(StoredPayout payout) {
        send(payout)
                .subscribe()
                .with(x -> {}, e -> Log.warnf("Payout %s: recording the send failed: %s", payout.id(), e.toString()));
    }

    /** One polling round: claims the payouts due and asks their providers. */
    Uni<Void> pollDue() {
        return payouts.claimDue(clock.instant(), config.pollBackoff(), config.pollBackoffMax(), BATCH)
                .onItem()
                .transformToMulti(due -> Multi.createFrom().iterable(due))
                .onItem()
                .transformToUniAndMerge(this::reconcile)
                .collect()
                .last()
                .replaceWithVoid();
    }

    private Uni<Void> reconcile(StoredPayout payout) {
        PayoutProvider provider = providers.get(payout.provider());
        return provider.status(payout.transfer())
                .flatMap(answer -> switch (answer.outcome()) {
                    case SUCCEEDED, FAILED -> settlement
                            .apply(payout.id(), answer)
                            .replaceWithVoid();
                    case PENDING, ACCEPTED -> payouts.dispatched(payout.id(), "ACCEPTED", clock.instant());
                    case NOT_FOUND -> "ACCEPTED".equals(payout.dispatch()) ? warnLost(payout) : send(payout);
                    case UNKNOWN -> Uni.createFrom().voidItem();
                })
                .onFailure()
                .recoverWithUni(e -> {
                    Log.warnf("Payout %s: reconciling failed: %s", payout.id(), e.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<Void> send(StoredPayout payout) {
        return providers.get(payout.provider()).send(payout.transfer()).flatMap(answer -> switch (answer.outcome()) {
            case ACCEPTED, PENDING -> payouts.dispatched(payout.id(), "ACCEPTED", clock.instant());
            case SUCCEEDED, FAILED -> settlement.apply(payout.id(), answer).replaceWithVoid();
            case NOT_FOUND, UNKNOWN -> payouts.dispatched(payout.id(), "UNKNOWN", clock.instant());
        });
    }

    private Uni<Void> warnLost(StoredPayout payout) {
        Log.errorf(
                "Payout %s was accepted by %s but it no longer knows it; left SUBMITTED",
                payout.id(), payout.provider());
        return Uni.createFrom().voidItem();
    }
}
