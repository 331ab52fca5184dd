package org.originlive.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.originlive.common.OwnsTables;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/**
 * Audience sizes summed across replicas: each replica announces its local counts about once a
 * second (NOTIFY, or NATS with the nats bus) and keeps the others' latest, forgetting replicas
 * that fell silent.
 */
@ApplicationScoped
@OwnsTables("notify:" + ViewerCounts.CHANNEL)
class ViewerCounts {

    static final String CHANNEL = "originlive_viewer_counts";

    record Announcement(String replica, Map<UUID, Integer> counts) {}

    private record Heard(Map<UUID, Integer> counts, long atMillis) {}

    private final String replica = UUID.randomUUID().toString();
    private final Map<String, Heard> others = new ConcurrentHashMap<>();
    private final Tx db;
    private final ObjectMapper json;
    private final long ttlMillis;
    private final NatsBus nats;

    ViewerCounts(Transactions transactions, ObjectMapper json, LiveConfig config, NatsBus nats) {
        this.db = transactions.autoCommit();
        this.json = json;
        this.ttlMillis = config.viewerCountTtl().toMillis();
        this.nats = nats;
    }

    void announce(Map<UUID, Integer> local) {
        try {
            String payload = json.writeValueAsString(new Announcement(replica, local));
            if (nats.enabled()) {
                // No NOTIFY per replica and second: with many replicas that term grows as replicas².
                nats.publishCounts(payload);
                return;
            }
            db.sql()
                    .preparedQuery("SELECT pg_notify($1, $2)")
                    .execute(Tuple.of(CHANNEL, payload))
                    .subscribe()
                    .with(ok -> {}, failure -> Log.debugf("Viewer count not announced: %s", failure));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void heard(String payload, long nowMillis) {
        try {
            Announcement a = json.readValue(payload, new TypeReference<>() {});
            if (!replica.equals(a.replica())) {
                others.put(a.replica(), new Heard(new HashMap<>(a.counts()), nowMillis));
            }
        } catch (JsonProcessingException e) {
            Log.warnf("Ignoring a malformed viewer count: %s", e.getMessage());
        }
    }

    long total(UUID saleId, int local, long nowMillis) {
        others.values().removeIf(h -> nowMillis - h.atMillis() > ttlMillis);
        long sum = local;
        for (Heard h : others.values()) {
            sum += h.counts().getOrDefault(saleId, 0);
        }
        return sum;
    }
}
