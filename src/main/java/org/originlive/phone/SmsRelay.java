package org.originlive.phone;

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
 * SMS go out through the shared outbox (topic {@value #TOPIC}, one key per SMS): queued in the
 * transaction that causes them, relayed after commit by one replica at a time per SMS, each
 * attempt claimed in phone_sms first. An SMS to try again waits in phone_sms (RETRY, with its
 * due time) and re-enters the outbox when due, so the outbox stays generic.
 */
@ApplicationScoped
public class SmsRelay {

    static final String TOPIC = "sms";

    private static final int BATCH = 10;

    private final Outbox outbox;
    private final SmsRepository sms;
    private final SmsSender sender;
    private final Transactions transactions;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final OutageLog outages = new OutageLog("SMS relay");

    SmsRelay(Outbox outbox, SmsRepository sms, SmsSender sender, Transactions transactions) {
        this.outbox = outbox;
        this.sms = sms;
        this.sender = sender;
        this.transactions = transactions;
    }

    void onStart(@Observes StartupEvent event) {
        outbox.onAdded(TOPIC, this::wake);
    }

    /** Queues SMS ids in {@code tx}; they go out after it commits. */
    Uni<Void> queue(Tx tx, List<UUID> ids) {
        return Multi.createFrom()
                .iterable(ids)
                .onItem()
                .transformToUniAndConcatenate(id -> outbox.add(tx, TOPIC, id.toString(), id.toString()))
                .collect()
                .last()
                .replaceWithVoid();
    }

    // Every replica: SMS due again re-enter the outbox, and rows other replicas left are relayed.
    @Scheduled(every = "${originlive.sms.sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return outages.watch(transactions
                .inTransaction(tx -> sms.due(tx, 100).flatMap(ids -> queue(tx, ids)))
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
                        .transformToUniAndConcatenate(m -> sender.attempt(UUID.fromString(m.payload())))
                        .collect()
                        .last()
                        .replaceWithVoid())
                .subscribe()
                .with(count -> finish(count == BATCH), failure -> {
                    Log.debugf("SMS stay in the outbox for now: %s", failure.toString());
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
