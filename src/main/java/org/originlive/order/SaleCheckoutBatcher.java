package org.originlive.order;

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
import org.originlive.common.Caller;

/**
 * Group commit for the hot path: orders for the same sale that arrive while its previous batch
 * is committing wait and then go to the database together, in one transaction (see
 * {@link SaleBatch}). Each request is answered only after its batch commits. One batch per sale
 * is in flight per replica; across replicas batches serialise on the sale row.
 */
@ApplicationScoped
public class SaleCheckoutBatcher {

    /** One buyer's request, as checkout accepted it. */
    record Request(
            UUID orderId,
            Caller buyer,
            UUID saleId,
            String key,
            String hash,
            OrderApi.SaleOrderRequest body,
            UniEmitter<? super SaleBatch.Outcome> answer) {}

    private final Map<UUID, Lane> lanes = new ConcurrentHashMap<>();
    private final SaleBatch batch;
    private final int maxBatch;

    SaleCheckoutBatcher(
            SaleBatch batch,
            @org.eclipse.microprofile.config.inject.ConfigProperty(
                            name = "originlive.orders.max-batch",
                            defaultValue = "128")
                    int maxBatch) {
        this.batch = batch;
        this.maxBatch = maxBatch;
    }

    private static final class Lane {
        final Queue<Request> pending = new ConcurrentLinkedQueue<>();
        final AtomicBoolean draining = new AtomicBoolean();
    }

    Uni<SaleBatch.Outcome> submit(
            UUID orderId, Caller buyer, UUID saleId, String key, String hash, OrderApi.SaleOrderRequest body) {
        return Uni.createFrom().emitter(answer -> {
            Lane lane = lanes.computeIfAbsent(saleId, id -> new Lane());
            lane.pending.add(new Request(orderId, buyer, saleId, key, hash, body, answer));
            drain(saleId, lane);
        });
    }

    private void drain(UUID saleId, Lane lane) {
        if (!lane.draining.compareAndSet(false, true)) {
            return;
        }
        List<Request> taken = new ArrayList<>();
        Request next;
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
        batch.run(saleId, taken)
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
                            taken.forEach(r -> r.answer().fail(failure));
                            lane.draining.set(false);
                            drain(saleId, lane);
                        });
    }
}
