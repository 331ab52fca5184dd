package org.originlive.checkout;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;
import org.originlive.order.OrderConfig;
import org.originlive.order.OrderService;
import org.originlive.order.PurchaseTallies;
import org.originlive.sale.SaleEvent;
import org.originlive.sale.SaleEvents;
import org.originlive.sale.SaleStatus;
import org.originlive.sale.SaleStock;

/**
 * One group-commit transaction for many orders of one sale; {@link BatchPlan} decides, this runs
 * the statements. Lock order: sale row, idempotency keys (sorted), item rows (by id), tally rows.
 * Stock is granted in arrival order from the locked {@code remaining}, then taken with one
 * conditional UPDATE per item ({@code remaining >= taken}); if that ever matched no row the whole
 * batch would roll back, so oversold stays impossible by construction. Every rule of single
 * checkout holds per request.
 */
@ApplicationScoped
class SaleBatch {

    private final Transactions transactions;

    private final IdempotencyKeys keys;
    private final SaleStock stock;
    private final PurchaseTallies tallies;
    private final OrderService orders;
    private final SaleEvents events;
    private final OrderConfig config;
    private final Clock clock;

    SaleBatch(
            Transactions transactions,
            IdempotencyKeys keys,
            SaleStock stock,
            PurchaseTallies tallies,
            OrderService orders,
            SaleEvents events,
            OrderConfig config,
            Clock clock) {
        this.transactions = transactions;
        this.keys = keys;
        this.stock = stock;
        this.tallies = tallies;
        this.orders = orders;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    Uni<List<BatchOutcome>> run(UUID saleId, List<BatchRequest> requests) {
        BatchPlan start = BatchPlan.of(saleId, requests);
        return transactions
                .inTransaction(tx -> events.lock(tx, saleId).flatMap(status -> {
                    if (status.isEmpty() || status.get() != SaleStatus.LIVE) {
                        return replays(tx, start, start.leaders(), false).map(plan -> plan.notLive(status.isPresent()));
                    }
                    return claimKeys(tx, start)
                            .flatMap(plan ->
                                    stock.lock(tx, saleId, plan.itemsToLock()).map(plan::itemsLocked))
                            .map(BatchPlan::tallying)
                            .flatMap(plan ->
                                    tallies.addWithinLimits(tx, plan.tallies()).map(plan::talliesChecked))
                            .flatMap(plan ->
                                    tallies.release(tx, plan.givenBack()).replaceWith(plan))
                            .flatMap(plan -> take(tx, saleId, plan));
                }))
                .map(BatchPlan::answers);
    }

    private Uni<BatchPlan> claimKeys(Tx tx, BatchPlan plan) {
        List<Integer> order = plan.claimOrder();
        return keys.claimAll(tx, plan.claims(order)).flatMap(won -> {
            BatchPlan claimed = plan.claimed(order, won);
            return replays(tx, claimed, claimed.taken(), true);
        });
    }

    /** Requests whose key an earlier request holds (or, if {@code held}, must hold): replayed or refused. */
    private Uni<BatchPlan> replays(Tx tx, BatchPlan plan, List<Integer> indexes, boolean held) {
        return keys.find(tx, plan.claims(indexes)).map(found -> {
            BatchPlan next = plan;
            for (int k = 0; k < indexes.size(); k++) {
                if (held || found.get(k).isPresent()) {
                    next = next.earlier(indexes.get(k), found.get(k));
                }
            }
            return next;
        });
    }

    /** Takes the granted units, writes the orders, drops the keys of refused requests, announces. */
    private Uni<BatchPlan> take(Tx tx, UUID saleId, BatchPlan plan) {
        Uni<Void> dropKeys = keys.dropAll(tx, plan.refusedClaims());
        Map<UUID, Integer> granted = plan.granted();
        if (granted.isEmpty()) {
            return dropKeys.replaceWith(plan);
        }
        List<UUID> itemIds = new ArrayList<>(granted.keySet());
        Instant now = clock.instant();
        long at = clock.millis();
        BatchPlan ordered = plan.ordered(now, now.plus(config.reservationHold()));
        return stock.takeAll(tx, itemIds, granted)
                .flatMap(after -> orders.record(tx, ordered.orders())
                        .flatMap(x -> dropKeys)
                        .flatMap(x -> events.claimSeq(tx, saleId, itemIds.size()))
                        .flatMap(last -> {
                            long first = last - itemIds.size() + 1;
                            List<SaleEvent> changes = new ArrayList<>();
                            for (int k = 0; k < itemIds.size(); k++) {
                                changes.add(SaleEvent.stock(
                                        saleId, itemIds.get(k), after.get(itemIds.get(k)), first + k, at));
                            }
                            return events.publish(tx, changes);
                        }))
                .replaceWith(ordered);
    }
}
