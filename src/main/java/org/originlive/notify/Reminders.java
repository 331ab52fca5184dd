package org.originlive.notify;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Tx;

/**
 * "Remind me" rows. WAITING until the sale goes LIVE; then claimed a page at a time (REMINDED) in
 * the transaction that queues their emails and pushes, so each buyer is told once.
 */
@ApplicationScoped
@OwnsTables("notify_reminder")
class Reminders {

    /** True when this call added it (false: it was there already). */
    Uni<Boolean> add(Tx tx, UUID saleId, UUID userId) {
        return tx.sql()
                .preparedQuery("INSERT INTO notify_reminder (sale_id, user_id, status) VALUES ($1, $2, 'WAITING')"
                        + " ON CONFLICT DO NOTHING")
                .execute(Tuple.of(saleId, userId))
                .map(rows -> rows.rowCount() == 1);
    }

    Uni<Void> remove(Tx tx, UUID saleId, UUID userId) {
        return tx.sql()
                .preparedQuery("DELETE FROM notify_reminder WHERE sale_id = $1 AND user_id = $2 AND status = 'WAITING'")
                .execute(Tuple.of(saleId, userId))
                .replaceWithVoid();
    }

    /** Up to {@code limit} waiting buyers of the sale, now REMINDED; rows another replica holds are skipped. */
    Uni<List<UUID>> claim(Tx tx, UUID saleId, int limit) {
        return tx.sql()
                .preparedQuery("UPDATE notify_reminder SET status = 'REMINDED', reminded_at = now()"
                        + " WHERE sale_id = $1 AND user_id IN (SELECT user_id FROM notify_reminder"
                        + " WHERE sale_id = $1 AND status = 'WAITING' LIMIT $2 FOR UPDATE SKIP LOCKED)"
                        + " AND status = 'WAITING' RETURNING user_id")
                .execute(Tuple.of(saleId, limit))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getUUID("user_id")));
                    return ids;
                });
    }
}
