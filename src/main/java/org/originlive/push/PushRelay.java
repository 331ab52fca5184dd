package org.originlive.push;

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
 * Push notices go out through the shared outbox (topic {@value #TOPIC}, one key per notice and
 * browser): queued in the transaction that causes them, relayed after commit, each attempt
 * claimed in push_message first. A notice to try again waits in push_message (RETRY, with its
 * due time) and re-enters the outbox when due, so the outbox stays generic.
 */
@ApplicationScoped
public class PushRelay {

    static final String TOPIC = "push";

    private final PushRepository repository;
    private final TopicRelay relay;

    PushRelay(TopicRelays relays, PushRepository repository, PushSender sender) {
        this.repository = repository;
        this.relay = relays.of(new TopicRelays.Spec(
                TOPIC, "Push", 10, TopicRelay.Pace.IN_TURN, id -> sender.attempt(UUID.fromString(id))));
    }

    void onStart(@Observes StartupEvent event) {
        relay.start();
    }

    /** Queues notice ids in {@code tx}; they go out after it commits. */
    Uni<Void> queue(Tx tx, List<UUID> ids) {
        return relay.queue(tx, ids);
    }

    // Every replica: notices due again re-enter the outbox, and rows other replicas left are relayed.
    @Scheduled(every = "${originlive.push.sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return relay.sweep(tx -> repository.due(tx, 100));
    }
}
