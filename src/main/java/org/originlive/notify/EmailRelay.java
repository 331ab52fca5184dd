package org.originlive.notify;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;
import org.originlive.common.TopicRelay;
import org.originlive.common.TopicRelays;
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

    private final EmailRepository emails;
    private final TopicRelay relay;

    EmailRelay(TopicRelays relays, EmailRepository emails, EmailSender sender) {
        this.emails = emails;
        this.relay = relays.of(new TopicRelays.Spec(
                TOPIC, "Email", 10, TopicRelay.Pace.IN_TURN, id -> sender.attempt(UUID.fromString(id))));
    }

    void onStart(@Observes StartupEvent event) {
        relay.start();
    }

    /** Queues email ids in {@code tx}; they go out after it commits. */
    Uni<Void> queue(Tx tx, List<UUID> ids) {
        return relay.queue(tx, ids);
    }

    // Every replica: emails due again re-enter the outbox, and rows other replicas left are relayed.
    @Scheduled(every = "${originlive.notify.sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return relay.sweep(tx -> emails.due(tx, 100));
    }
}
