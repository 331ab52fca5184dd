package org.originlive.phone;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;
import org.originlive.fulfillment.FulfillmentAlerts.Opened;

/** Fulfilments still NEW past the reminder, and past the admins' alert: each marked once, by its key. */
@ApplicationScoped
@OwnsTables("phone_overdue")
public class OverdueRepository {

    private final Tx db;

    OverdueRepository(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    /** Marks them reminded; those marked now (never before, on any replica). */
    Uni<List<Opened>> remind(Tx tx, List<Opened> overdue) {
        return tx.sql()
                .preparedQuery(
                        "INSERT INTO phone_overdue (fulfillment_id, cooperative_id, short_code, opened_at, reminded_at)"
                                + " SELECT f, c, s, o, now() FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[])"
                                + " AS t(f, c, s, o) ON CONFLICT (fulfillment_id) DO NOTHING"
                                + " RETURNING fulfillment_id, cooperative_id, short_code, opened_at")
                .execute(Tuple.of(
                        overdue.stream().map(Opened::id).toArray(UUID[]::new),
                        overdue.stream().map(Opened::cooperativeId).toArray(UUID[]::new),
                        overdue.stream().map(Opened::shortCode).toArray(String[]::new),
                        overdue.stream()
                                .map(o -> o.openedAt().atOffset(ZoneOffset.UTC))
                                .toArray(OffsetDateTime[]::new)))
                .map(OverdueRepository::opened);
    }

    /** Marks them escalated; those marked now. */
    Uni<List<Opened>> escalate(Tx tx, List<UUID> ids) {
        return tx.sql()
                .preparedQuery("UPDATE phone_overdue SET escalated_at = now() WHERE fulfillment_id = ANY($1)"
                        + " AND escalated_at IS NULL RETURNING fulfillment_id, cooperative_id, short_code, opened_at")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(OverdueRepository::opened);
    }

    Uni<Page<PhoneApi.Overdue>> escalated(PageRequest page) {
        return db.sql()
                .preparedQuery("SELECT *, count(*) OVER () AS total FROM phone_overdue WHERE escalated_at IS NOT NULL"
                        + " ORDER BY escalated_at DESC, fulfillment_id LIMIT $1 OFFSET $2")
                .execute(Tuple.of(page.size(), page.offset()))
                .map(rows -> {
                    List<PhoneApi.Overdue> list = new ArrayList<>();
                    long[] total = {0};
                    rows.forEach(r -> {
                        total[0] = r.getLong("total");
                        list.add(new PhoneApi.Overdue(
                                r.getUUID("fulfillment_id"),
                                r.getUUID("cooperative_id"),
                                r.getString("short_code"),
                                r.getOffsetDateTime("opened_at").toInstant(),
                                r.getOffsetDateTime("escalated_at").toInstant()));
                    });
                    return new Page<>(list, page.page(), page.size(), total[0]);
                });
    }

    private static List<Opened> opened(RowSet<Row> rows) {
        List<Opened> list = new ArrayList<>();
        rows.forEach(r -> list.add(new Opened(
                r.getUUID("fulfillment_id"),
                r.getUUID("cooperative_id"),
                r.getString("short_code"),
                r.getOffsetDateTime("opened_at").toInstant())));
        return list;
    }
}
