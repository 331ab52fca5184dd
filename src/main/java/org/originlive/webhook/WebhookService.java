package org.originlive.webhook;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.originlive.common.Caller;
import org.originlive.common.CooperativeEvents;
import org.originlive.common.OutboundGuard;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.ProblemException;
import org.originlive.common.Transactions;

/** A cooperative's webhook endpoints: its staff (or an admin) register, list, rotate and remove them. */
@ApplicationScoped
public class WebhookService {

    private final Transactions transactions;
    private final EndpointRepository endpoints;
    private final DeliveryRepository deliveries;
    private final WebhookRelay relay;
    private final WebhookSecrets secrets;
    private final OutboundGuard guard;
    private final WebhookConfig config;
    private final Clock clock;

    WebhookService(
            Transactions transactions,
            EndpointRepository endpoints,
            DeliveryRepository deliveries,
            WebhookRelay relay,
            WebhookSecrets secrets,
            OutboundGuard guard,
            WebhookConfig config,
            Clock clock) {
        this.transactions = transactions;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.relay = relay;
        this.secrets = secrets;
        this.guard = guard;
        this.config = config;
        this.clock = clock;
    }

    /** Checks the events, then the URL (resolved, no traffic), then the limit; the secret is shown now only. */
    public Uni<WebhookApi.EndpointWithSecret> create(
            Caller caller, UUID cooperativeId, WebhookApi.EndpointRequest body) {
        caller.requireCooperative(cooperativeId);
        List<String> events = events(body.events());
        String url = body.url().trim();
        return guard.check(url, "url")
                .flatMap(checked -> transactions.inTransaction(
                        tx -> endpoints.lockAndCount(tx, cooperativeId).flatMap(count -> {
                            if (count >= config.maxEndpoints()) {
                                throw ProblemException.invalid(
                                        "url",
                                        "a cooperative has at most " + config.maxEndpoints() + " webhook endpoints");
                            }
                            UUID id = UUID.randomUUID();
                            String secret = secrets.make();
                            return endpoints
                                    .insert(tx, id, cooperativeId, url, events, secrets.encrypt(id, secret))
                                    .map(stored -> stored.view(secret));
                        })));
    }

    private static List<String> events(List<String> asked) {
        for (String event : asked) {
            if (!CooperativeEvents.TYPES.contains(event)) {
                throw ProblemException.invalid(
                        "events", "unknown event " + event + "; known: " + String.join(", ", CooperativeEvents.TYPES));
            }
        }
        return List.copyOf(new LinkedHashSet<>(asked));
    }

    public Uni<WebhookApi.EndpointList> list(Caller caller, UUID cooperativeId) {
        caller.requireCooperative(cooperativeId);
        return endpoints
                .list(cooperativeId)
                .map(list -> new WebhookApi.EndpointList(
                        list.stream().map(EndpointRepository.Stored::view).toList()));
    }

    /** Its queued deliveries and their log go with it: nothing more is sent. */
    public Uni<Void> delete(Caller caller, UUID cooperativeId, UUID id) {
        caller.requireCooperative(cooperativeId);
        return endpoints
                .delete(cooperativeId, id)
                .invoke(deleted -> {
                    if (!deleted) {
                        throw ProblemException.notFound("Webhook", id);
                    }
                })
                .replaceWithVoid();
    }

    /** A new secret; the one it replaces also signs for the overlap (24 h), then stops. */
    public Uni<WebhookApi.EndpointWithSecret> rotate(Caller caller, UUID cooperativeId, UUID id) {
        caller.requireCooperative(cooperativeId);
        String secret = secrets.make();
        return endpoints
                .rotate(
                        cooperativeId,
                        id,
                        secrets.encrypt(id, secret),
                        clock.instant().plus(config.rotationOverlap()))
                .map(rotated -> rotated.orElseThrow(() -> ProblemException.notFound("Webhook", id))
                        .view(secret));
    }

    public Uni<Page<WebhookApi.Attempt>> attempts(Caller caller, UUID cooperativeId, UUID id, PageRequest page) {
        caller.requireCooperative(cooperativeId);
        return endpoints.find(cooperativeId, id).flatMap(found -> {
            if (found.isEmpty()) {
                throw ProblemException.notFound("Webhook", id);
            }
            return deliveries.attempts(id, page);
        });
    }

    /** One more attempt now, with the same event id and body; a delivery about to be attempted is left as it is. */
    public Uni<WebhookApi.Redelivery> redeliver(Caller caller, UUID cooperativeId, UUID id, UUID deliveryId) {
        caller.requireCooperative(cooperativeId);
        return endpoints.find(cooperativeId, id).flatMap(found -> {
            if (found.isEmpty()) {
                throw ProblemException.notFound("Webhook", id);
            }
            return transactions.inTransaction(
                    tx -> deliveries.lock(tx, id, deliveryId).flatMap(delivery -> {
                        WebhookApi.Redelivery d =
                                delivery.orElseThrow(() -> ProblemException.notFound("Delivery", deliveryId));
                        if (d.status().equals("QUEUED") || d.status().equals("SENDING")) {
                            return Uni.createFrom().item(d);
                        }
                        return deliveries
                                .requeue(tx, deliveryId)
                                .flatMap(x -> relay.queue(tx, List.of(deliveryId)))
                                .replaceWith(new WebhookApi.Redelivery(d.deliveryId(), d.eventId(), "QUEUED"));
                    }));
        });
    }
}
