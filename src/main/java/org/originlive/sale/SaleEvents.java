package org.originlive.sale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.Bus;
import org.originlive.common.Outbox;
import org.originlive.common.OwnsTables;
import org.originlive.common.Rows;
import org.originlive.common.Tx;

/**
 * The change feed of sales and the only writer of {@code sale.seq}. Whoever changes a sale's
 * stock, status or pin calls this inside the same transaction: {@link #claimSeq} numbers the
 * changes, {@link #publish} sends them: with the {@code postgres} bus by {@code pg_notify}, which
 * PostgreSQL delivers only if the transaction commits; with {@code nats} into the outbox (topic
 * {@link #TOPIC}, keyed by sale), which a relay publishes to NATS after commit, so no NOTIFY (and
 * no global notify lock) remains on the checkout path.
 */
@ApplicationScoped
@OwnsTables({"sale.seq", "notify:" + SaleEvents.CHANNEL})
public class SaleEvents {

    public static final String CHANNEL = "originlive_sale_events";
    public static final String TOPIC = "sale-events";

    // NOTIFY payloads must stay under 8000 bytes; an event is about 200.
    private static final int EVENTS_PER_NOTIFY = 30;

    private final ObjectMapper json;
    private final Bus bus;
    private final Outbox outbox;

    SaleEvents(ObjectMapper json, Bus bus, Outbox outbox) {
        this.json = json;
        this.bus = bus;
        this.outbox = outbox;
    }

    /**
     * Reserves {@code count} sequence numbers of the sale and returns the last; the caller uses
     * {@code last - count + 1 .. last}. Locks the sale row until commit, so changes of one sale
     * are numbered and announced in commit order.
     */
    public Uni<Long> claimSeq(Tx tx, UUID saleId, int count) {
        return tx.sql()
                .preparedQuery("UPDATE sale SET seq = seq + $2 WHERE id = $1 RETURNING seq")
                .execute(Tuple.of(saleId, count))
                .map(rows -> rows.iterator().next().getLong("seq"));
    }

    /**
     * Locks the sale row (first lock of checkout) and says what state the sale is in; empty when
     * there is no such sale. Changes numbered later in the transaction follow every earlier commit.
     */
    public Uni<Optional<SaleStatus>> lock(Tx tx, UUID saleId) {
        return tx.sql()
                .preparedQuery("SELECT status FROM sale WHERE id = $1 FOR UPDATE")
                .execute(Tuple.of(saleId))
                .map(rows -> Rows.first(rows).map(r -> SaleStatus.valueOf(r.getString("status"))));
    }

    /** Like {@link #claimSeq}, but only while the sale is LIVE; empty otherwise. */
    public Uni<Optional<Long>> claimSeqIfLive(Tx tx, UUID saleId, int count) {
        return tx.sql()
                .preparedQuery("UPDATE sale SET seq = seq + $2 WHERE id = $1 AND status = 'LIVE' RETURNING seq")
                .execute(Tuple.of(saleId, count))
                .map(rows -> Rows.first(rows).map(r -> r.getLong("seq")));
    }

    public Uni<Void> publish(Tx tx, List<SaleEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (bus.nats()) {
            return toOutbox(tx, events);
        }
        List<Tuple> payloads = new ArrayList<>();
        for (int i = 0; i < events.size(); i += EVENTS_PER_NOTIFY) {
            payloads.add(Tuple.of(CHANNEL, encode(events.subList(i, Math.min(events.size(), i + EVENTS_PER_NOTIFY)))));
        }
        return tx.sql()
                .preparedQuery("SELECT pg_notify($1, $2)")
                .executeBatch(payloads)
                .replaceWithVoid();
    }

    /** One outbox row per sale and chunk, in seq order (the sale's lock orders the rows). */
    private Uni<Void> toOutbox(Tx tx, List<SaleEvent> events) {
        Map<UUID, List<SaleEvent>> bySale = new LinkedHashMap<>();
        events.forEach(
                e -> bySale.computeIfAbsent(e.saleId(), k -> new ArrayList<>()).add(e));
        List<Uni<Void>> writes = new ArrayList<>();
        bySale.forEach((saleId, ofSale) -> {
            for (int i = 0; i < ofSale.size(); i += EVENTS_PER_NOTIFY) {
                String payload = encode(ofSale.subList(i, Math.min(ofSale.size(), i + EVENTS_PER_NOTIFY)));
                writes.add(outbox.add(tx, TOPIC, saleId.toString(), payload));
            }
        });
        // In order on the transaction's one connection.
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Uni<Void> write : writes) {
            chain = chain.flatMap(x -> write);
        }
        return chain;
    }

    private String encode(List<SaleEvent> events) {
        try {
            return json.writeValueAsString(events);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Sale events are plain records", e);
        }
    }
}
