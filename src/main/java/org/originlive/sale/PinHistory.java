package org.originlive.sale;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/**
 * Every pin of a sale with its times, written in the transaction that pins (or ends the sale),
 * so the history and the sale's current pin never disagree. Raw SQL: it joins the pin's SQL
 * transaction, under the sale's row lock.
 */
@ApplicationScoped
@OwnsTables("sale_pin")
public class PinHistory {

    /** A pin as kept: {@code until} is null while it lasts. */
    public record Pin(UUID itemId, Instant from, Instant until) {}

    private final Tx db;

    PinHistory(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    /** The open pin ends at {@code at}; {@code itemId}'s starts then. */
    Uni<Void> pinned(Tx tx, UUID saleId, UUID itemId, Instant at) {
        return ended(tx, saleId, at)
                .flatMap(x -> tx.sql()
                        .preparedQuery("INSERT INTO sale_pin (sale_id, item_id, pinned_at) VALUES ($1, $2, $3)")
                        .execute(Tuple.of(saleId, itemId, at.atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    /** The sale ended: so did its pin. */
    Uni<Void> ended(Tx tx, UUID saleId, Instant at) {
        return tx.sql()
                .preparedQuery("UPDATE sale_pin SET unpinned_at = $2 WHERE sale_id = $1 AND unpinned_at IS NULL")
                .execute(Tuple.of(saleId, at.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    /** The sale's pins in order. */
    public Uni<List<Pin>> of(UUID saleId) {
        return db.sql()
                .preparedQuery(
                        "SELECT item_id, pinned_at, unpinned_at FROM sale_pin WHERE sale_id = $1 ORDER BY pinned_at")
                .execute(Tuple.of(saleId))
                .map(rows -> {
                    List<Pin> pins = new ArrayList<>();
                    rows.forEach(r -> pins.add(new Pin(
                            r.getUUID("item_id"),
                            r.getOffsetDateTime("pinned_at").toInstant(),
                            r.getOffsetDateTime("unpinned_at") == null
                                    ? null
                                    : r.getOffsetDateTime("unpinned_at").toInstant())));
                    return pins;
                });
    }
}
