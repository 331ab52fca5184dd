package org.originlive.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.originlive.common.CooperativeEvents;
import org.originlive.common.Tx;

/**
 * Turns a cooperative's event into one delivery per endpoint listening for it, in the event's
 * transaction: the body ({@code id, type, createdAt, data}) is written once, as the cooperative's
 * own view read in that transaction, and every delivery and redelivery sends it byte for byte.
 */
@ApplicationScoped
class WebhookEvents implements CooperativeEvents {

    private final EndpointRepository endpoints;
    private final DeliveryRepository deliveries;
    private final WebhookRelay relay;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookEvents(
            EndpointRepository endpoints,
            DeliveryRepository deliveries,
            WebhookRelay relay,
            ObjectMapper json,
            Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.relay = relay;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Uni<Void> tell(Tx tx, String type, UUID cooperativeId, Uni<?> data) {
        return endpoints
                .listening(tx, cooperativeId, type)
                .flatMap(listening -> listening.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : data.flatMap(d -> {
                            UUID eventId = UUID.randomUUID();
                            return deliveries
                                    .record(tx, eventId, cooperativeId, type, body(eventId, type, d), listening)
                                    .flatMap(ids -> relay.queue(tx, ids));
                        }));
    }

    private String body(UUID id, String type, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", type);
        body.put("createdAt", clock.instant());
        body.put("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A " + type + " event could not be written as JSON", e);
        }
    }
}
