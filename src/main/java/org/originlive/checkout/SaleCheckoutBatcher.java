package org.originlive.checkout;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.originlive.order.OrderConfig;

/**
 * Group commit for the hot path: orders for the same sale that arrive while its previous batch
 * is committing wait and then go to the database together, in one transaction (see
 * {@link SaleBatch}). Each request is answered only after its batch commits. One batch per sale
 * is in flight per replica; across replicas batches serialise on the sale row.
 */
@ApplicationScoped
class SaleCheckoutBatcher {

    private record Waiting(BatchRequest request, UniEmitter<? super BatchOutcome> answer) {}

    private static final class Lane {
        final Queue<Waiting> pending = new ConcurrentLinkedQueue<>();
        final AtomicBoolean draining = new AtomicBoolean();
    }

    private final Map<UUID, Lane> lanes = new ConcurrentHashMap<>();
    private final SaleBatch batch;
    private final CheckoutMetrics metrics;
    private final int maxBatch;

    SaleCheckoutBatcher(SaleBatch batch, CheckoutMetrics metrics, OrderConfig config) {
        this.batch = batch;
        this.metrics = metrics;
        this.maxBatch = config.maxBatch();
    }

    Uni<BatchOutcome> submit(UUID saleId, BatchRequest request) {
        return Uni.createFrom().emitter(answer -> {
            Lane lane = lanes.computeIfAbsent(saleId, id -> new Lane());
            lane.pending.add(new Waiting(request, answer));
            drain(saleId, lane);
        });
    }

    private void drain(UUID saleId, Lane lane) {
        if (!lane.draining.compareAndSet(false, true)) {
            return;
        }
        List<Waiting> taken = new ArrayList<>();
        Waiting next;
        while (taken.size() < maxBatch && (next = lane.pending.poll()) != null) {
            taken.add(next);
        }
        if (taken.isEmpty()) {
            lane.draining.set(false);
            // A request may have arrived between the poll and the release.
            if (!lane.pending.isEmpty()) {
                drain(saleId, lane);
            }
            return;
        }
        metrics.batch(taken.size());
        batch.run(saleId, taken.stream().map(Waiting::request).toList())
                .subscribe()
                .with(
                        outcomes -> {
                            for (int i = 0; i < taken.size(); i++) {
                                taken.get(i).answer().complete(outcomes.get(i));
                            }
                            lane.draining.set(false);
                            drain(saleId, lane);
                        },
                        failure -> {
                            taken.forEach(w -> w.answer().fail(failure));
                            lane.draining.set(false);
                            drain(saleId, lane);
                        });
    }
}
