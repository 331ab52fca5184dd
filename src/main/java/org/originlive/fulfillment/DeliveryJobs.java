package org.originlive.fulfillment;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.originlive.common.OutageLog;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;
import org.originlive.ledger.Bucket;
import org.originlive.ledger.Ledger;
import org.originlive.ledger.LedgerEntry;
import org.originlive.ledger.Posting;

/**
 * Keeps money moving without anyone clicking: shipped parcels count as delivered after
 * {@code auto-deliver}, and a delivered fulfilment's pending money becomes available once the
 * hold has passed. Every replica runs it; row locks with SKIP LOCKED share the work.
 */
@ApplicationScoped
public class DeliveryJobs {

    private final Transactions transactions;

    private static final int BATCH = 100;

    private final FulfillmentRepository fulfillments;
    private final FulfillmentMoney money;
    private final Ledger ledger;
    private final FulfillmentConfig config;
    private final HoldConfig hold;
    private final Clock clock;
    private final OutageLog outages = new OutageLog("Delivery jobs");

    DeliveryJobs(
            Transactions transactions,
            FulfillmentRepository fulfillments,
            FulfillmentMoney money,
            Ledger ledger,
            FulfillmentConfig config,
            HoldConfig hold,
            Clock clock) {
        this.transactions = transactions;
        this.fulfillments = fulfillments;
        this.money = money;
        this.ledger = ledger;
        this.config = config;
        this.hold = hold;
        this.clock = clock;
    }

    // Every replica sweeps; SKIP LOCKED shares the rows, and a slow round makes the next one skip.
    @Scheduled(
            every = "${originlive.fulfillment.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> everySweep() {
        return outages.watch(sweep());
    }

    Uni<Void> sweep() {
        Instant now = clock.instant();
        return transactions
                .inTransaction(tx -> fulfillments.autoDeliver(tx, now.minus(config.autoDeliver()), now, BATCH))
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("%d shipped fulfilment(s) delivered automatically", n);
                    }
                })
                .flatMap(x -> transactions.inTransaction(tx ->
                        money.lockDue(tx, now.minus(hold.hold()), BATCH).flatMap(due -> releaseAll(tx, due, now))));
    }

    private Uni<Void> releaseAll(Tx tx, List<FulfillmentMoney.Due> due, Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (FulfillmentMoney.Due d : due) {
            chain = chain.flatMap(x -> ledger.fulfillmentBalance(tx, d.id(), Bucket.PENDING))
                    .flatMap(pending -> pending == 0
                            ? Uni.createFrom().voidItem()
                            : ledger.post(
                                            tx,
                                            new Posting(
                                                    "RELEASE",
                                                    "fulfillment",
                                                    d.id(),
                                                    List.of(
                                                            LedgerEntry.cooperative(
                                                                            d.cooperativeId(),
                                                                            Bucket.PENDING,
                                                                            d.currency(),
                                                                            -pending)
                                                                    .forFulfillment(d.id()),
                                                            LedgerEntry.cooperative(
                                                                            d.cooperativeId(),
                                                                            Bucket.AVAILABLE,
                                                                            d.currency(),
                                                                            pending)
                                                                    .forFulfillment(d.id()))),
                                            now)
                                    .replaceWithVoid())
                    .flatMap(x -> money.markReleased(tx, d.id(), now));
        }
        return chain;
    }
}
