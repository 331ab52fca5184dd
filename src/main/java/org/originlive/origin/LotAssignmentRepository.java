package org.originlive.origin;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/**
 * Which lot each order line came from; the lines themselves are the order feature's. Raw SQL:
 * assignments are written under a share lock of the fulfilment, taken in the same transaction.
 */
@ApplicationScoped
@OwnsTables("lot_assignment")
public class LotAssignmentRepository {

    private final Tx db;

    LotAssignmentRepository(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    /** Records each line's lot; a line assigned before gets the new lot. */
    public Uni<Void> assign(Tx tx, UUID fulfillmentId, UUID orderId, List<OriginApi.LineLot> lines, Instant now) {
        List<Tuple> rows = lines.stream()
                .map(l -> Tuple.of(l.lineId(), orderId, fulfillmentId, l.lotId(), now.atOffset(ZoneOffset.UTC)))
                .toList();
        return tx.sql()
                .preparedQuery(
                        "INSERT INTO lot_assignment (line_id, order_id, fulfillment_id, lot_id, assigned_at)"
                                + " VALUES ($1, $2, $3, $4, $5)"
                                + " ON CONFLICT (line_id) DO UPDATE SET lot_id = excluded.lot_id, assigned_at = excluded.assigned_at")
                .executeBatch(rows)
                .replaceWithVoid();
    }

    /** The fulfilment's recorded lots: line id to lot id. */
    public Uni<Map<UUID, UUID>> assignments(Tx client, UUID fulfillmentId) {
        return lotsOf(client, "fulfillment_id = $1", Tuple.of(fulfillmentId));
    }

    /** The lots recorded for these order lines: line id to lot id (lines without one are absent). */
    public Uni<Map<UUID, UUID>> lotsOfLines(List<UUID> lineIds) {
        return lotsOf(db, "line_id = ANY($1)", Tuple.of(lineIds.toArray(UUID[]::new)));
    }

    private static Uni<Map<UUID, UUID>> lotsOf(Tx client, String where, Tuple args) {
        return client.sql()
                .preparedQuery("SELECT line_id, lot_id FROM lot_assignment WHERE " + where)
                .execute(args)
                .map(rows -> {
                    Map<UUID, UUID> lots = new HashMap<>();
                    rows.forEach(r -> lots.put(r.getUUID("line_id"), r.getUUID("lot_id")));
                    return lots;
                });
    }
}
