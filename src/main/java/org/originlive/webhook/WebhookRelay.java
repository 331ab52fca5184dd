package org.originlive.webhook;

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
 * Webhook deliveries go out through the shared outbox (topic {@value #TOPIC}, one key per
 * delivery): queued in the transaction of their event, relayed after commit by one replica at a
 * time per delivery, each attempt claimed in webhook_delivery first. A delivery to try again
 * waits there (RETRY, with its due time) and re-enters the outbox when due, as SMS do. A round's
 * deliveries go out together: one slow endpoint does not hold up the others.
 */
@ApplicationScoped
public class WebhookRelay {

    static final String TOPIC = "webhook";

    private final DeliveryRepository deliveries;
    private final WebhookConfig config;
    private final TopicRelay relay;

    WebhookRelay(TopicRelays relays, DeliveryRepository deliveries, WebhookSender sender, WebhookConfig config) {
        this.deliveries = deliveries;
        this.config = config;
        this.relay = relays.of(new TopicRelays.Spec(
                TOPIC, "Webhook", 10, TopicRelay.Pace.TOGETHER, id -> sender.attempt(UUID.fromString(id))));
    }

    void onStart(@Observes StartupEvent event) {
        relay.start();
    }

    /** Queues deliveries in {@code tx}; they go out after it commits. */
    Uni<Void> queue(Tx tx, List<UUID> ids) {
        return relay.queue(tx, ids);
    }

    // Every replica: deliveries due again (or left SENDING by a replica that died) re-enter the
    // outbox, and rows other replicas left are relayed.
    @Scheduled(every = "${originlive.webhooks.sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return relay.sweep(tx -> deliveries.due(tx, config.staleAfter(), 100));
    }
}
