package org.originlive.notify;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
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
 * Emails go out through the shared outbox (topic {@value #TOPIC}, one key per email): queued in
 * the transaction that causes them, relayed after commit by one replica at a time per email, each
 * attempt claimed in notify_email first. An email to try again waits there (RETRY, with its due
 * time) and re-enters the outbox when due.
 */
@ApplicationScoped
class EmailRelay {

    static final String TOPIC = "email";

    private static final int BATCH = 10;

    private final Outbox outbox;
    private final EmailRepository emails;
    private final EmailSender sender;
    private final Transactions transactions;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final OutageLog outages = new OutageLog("Email relay");

    EmailRelay(Outbox outbox, EmailRepository emails, EmailSender sender, Transactions transactions, Vertx vertx) {
        this.outbox = outbox;
        this.emails = emails;
        this.sender = sender;
        this.transactions = transactions;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        outbox.onAdded(TOPIC, this::wake);
    }

    /** Queues email ids in {@code tx}; they go out after it commits. */
    Uni<Void> queue(Tx tx, List<UUID> ids) {
        return Multi.createFrom()
                .iterable(ids)
                .onItem()
                .transformToUniAndConcatenate(id -> outbox.add(tx, TOPIC, id.toString(), id.toString()))
                .collect()
                .last()
                .replaceWithVoid();
    }

    // Every replica: emails due again re-enter the outbox, and rows other replicas left are relayed.
    @Scheduled(every = "${originlive.notify.sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return outages.watch(transactions
                .inTransaction(tx -> emails.due(tx, 100).flatMap(ids -> queue(tx, ids)))
                .invoke(x -> wake())
                .replaceWithVoid());
    }

    /** A round now, or right after the running one. */
    void wake() {
        again.set(true);
        if (running.compareAndSet(false, true)) {
            onOwnContext(vertx, this::drain);
        }
    }

    /**
     * Runs {@code work} on a fresh duplicated context: the sender reads accounts and cooperatives
     * through Hibernate Reactive, which wants one of its own, as a request or a scheduled method has.
     */
    static void onOwnContext(Vertx vertx, Runnable work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(x -> work.run());
    }

    private void drain() {
        again.set(false);
        outbox.relay(TOPIC, BATCH, Outbox.Repeats.NOTICED, messages -> Multi.createFrom()
                        .iterable(messages)
                        .onItem()
                        .transformToUniAndConcatenate(m -> sender.attempt(UUID.fromString(m.payload())))
                        .collect()
                        .last()
                        .replaceWithVoid())
                .subscribe()
                .with(count -> finish(count == BATCH), failure -> {
                    Log.debugf("Emails stay in the outbox for now: %s", failure.toString());
                    finish(false);
                });
    }

    private void finish(boolean more) {
        running.set(false);
        if ((more || again.get()) && running.compareAndSet(false, true)) {
            onOwnContext(vertx, this::drain);
        }
    }
}
