package org.originlive.phone;

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
 * SMS go out through the shared outbox (topic {@value #TOPIC}, one key per SMS): queued in the
 * transaction that causes them, relayed after commit by one replica at a time per SMS, each
 * attempt claimed in phone_sms first. An SMS to try again waits in phone_sms (RETRY, with its
 * due time) and re-enters the outbox when due, so the outbox stays generic.
 */
@ApplicationScoped
public class SmsRelay {

    static final String TOPIC = "sms";

    private final SmsRepository sms;
    private final TopicRelay relay;

    SmsRelay(TopicRelays relays, SmsRepository sms, SmsSender sender) {
        this.sms = sms;
        this.relay = relays.of(new TopicRelays.Spec(
                TOPIC, "SMS", 10, TopicRelay.Pace.IN_TURN, id -> sender.attempt(UUID.fromString(id))));
    }

    void onStart(@Observes StartupEvent event) {
        relay.start();
    }

    /** Queues SMS ids in {@code tx}; they go out after it commits. */
    Uni<Void> queue(Tx tx, List<UUID> ids) {
        return relay.queue(tx, ids);
    }

    // Every replica: SMS due again re-enter the outbox, and rows other replicas left are relayed.
    @Scheduled(every = "${originlive.sms.sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return relay.sweep(tx -> sms.due(tx, 100));
    }
}
