package org.originlive.webhook;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.originlive.common.OutageLog;
import org.originlive.common.Outbox;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/**
 * Webhook deliveries go out through the shared outbox (topic {@value #TOPIC}, one key per
 * delivery): queued in the transaction of their event, relayed after commit by one replica at a
 * time per delivery, each attempt claimed in webhook_delivery first. A delivery to try again
 * waits there (RETRY, with its due time) and re-enters the outbox when due, as SMS do.
 */
@ApplicationScoped
public class WebhookRelay {

    static final String TOPIC = "webhook";

    private static final int BATCH = 10;

    private final Outbox outbox;
    private final DeliveryRepository deliveries;
    private final WebhookSender sender;
    private final WebhookConfig config;
    private final Transactions transactions;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final OutageLog outages = new OutageLog("Webhook relay");

    WebhookRelay(
            Outbox outbox,
            DeliveryRepository deliveries,
            WebhookSender sender,
            WebhookConfig config,
            Transactions transactions) {
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.sender = sender;
        this.config = config;
        this.transactions = transactions;
    }

    void onStart(@Observes StartupEvent event) {
        outbox.onAdded(TOPIC, this::wake);
    }

    /** Queues deliveries in {@code tx}; they go out after it commits. */
    Uni<Void> queue(Tx tx, List<UUID> ids) {
        return Multi.createFrom()
                .iterable(ids)
                .onItem()
                .transformToUniAndConcatenate(id -> outbox.add(tx, TOPIC, id.toString(), id.toString()))
                .collect()
                .last()
                .replaceWithVoid();
    }

    // Every replica: deliveries due again re-enter the outbox, and rows other replicas left are relayed.
    @Scheduled(every = "${originlive.webhooks.sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return outages.watch(transactions
                .inTransaction(
                        tx -> deliveries.due(tx, config.staleAfter(), 100).flatMap(ids -> queue(tx, ids)))
                .invoke(x -> wake())
                .replaceWithVoid());
    }

    /** A round now, or right after the running one. */
    void wake() {
        again.set(true);
        if (running.compareAndSet(false, true)) {
            drain();
        }
    }

    private void drain() {
        again.set(false);
        outbox.relay(TOPIC, BATCH, Outbox.Repeats.NOTICED, messages -> Multi.createFrom()
                        .iterable(messages)
                        .onItem()
                        // In parallel: one slow endpoint does not hold up the others of the round.
                        .transformToUniAndMerge(m -> sender.attempt(UUID.fromString(m.payload())))
                        .collect()
                        .last()
                        .replaceWithVoid())
                .subscribe()
                .with(count -> finish(count == BATCH), failure -> {
                    Log.debugf("Webhook deliveries stay in the outbox for now: %s", failure.toString());
                    finish(false);
                });
    }

    private void finish(boolean more) {
        running.set(false);
        if ((more || again.get()) && running.compareAndSet(false, true)) {
            drain();
        }
    }
}
