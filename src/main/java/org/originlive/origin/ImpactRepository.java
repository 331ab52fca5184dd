package org.originlive.origin;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.originlive.common.ReadsTables;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/** The producers and hectares behind order lines, through the lots assigned to them. Read-only. */
@ApplicationScoped
@ReadsTables({"lot_assignment", "lot_input", "plot"})
public class ImpactRepository {

    // Each producer and each plot counts once per cooperative, however many lines or lots lead to it.
    private static final String BEHIND = "WITH lines AS (SELECT * FROM unnest($1::uuid[], $2::uuid[])"
            + "  AS l(id, cooperative_id)),"
            + " behind AS (SELECT DISTINCT li.cooperative_id, i.producer_id, i.plot_id FROM lines li"
            + "  JOIN lot_assignment a ON a.line_id = li.id JOIN lot_input i ON i.lot_id = a.lot_id),"
            + " producers AS (SELECT cooperative_id, count(DISTINCT producer_id) AS producers FROM behind"
            + "  GROUP BY cooperative_id),"
            + " hectares AS (SELECT b.cooperative_id, sum(p.area_ha) AS hectares FROM"
            + "  (SELECT DISTINCT cooperative_id, plot_id FROM behind WHERE plot_id IS NOT NULL) b"
            + "  JOIN plot p ON p.id = b.plot_id GROUP BY b.cooperative_id)"
            + " SELECT pr.cooperative_id, pr.producers, coalesce(h.hectares, 0) AS hectares"
            + " FROM producers pr LEFT JOIN hectares h ON h.cooperative_id = pr.cooperative_id";

    /** A cooperative's distinct producers and the area of their distinct plots. */
    public record Behind(long producers, BigDecimal hectares) {

        static final Behind NONE = new Behind(0, BigDecimal.ZERO);
    }

    private final Tx db;

    ImpactRepository(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    /** By cooperative, for lines given as line id → cooperative id; one query, none for no lines. */
    public Uni<Map<UUID, Behind>> behind(Map<UUID, UUID> cooperativeOfLine) {
        if (cooperativeOfLine.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        UUID[] lines = cooperativeOfLine.keySet().toArray(UUID[]::new);
        UUID[] cooperatives = new UUID[lines.length];
        for (int i = 0; i < lines.length; i++) {
            cooperatives[i] = cooperativeOfLine.get(lines[i]);
        }
        return db.sql()
                .preparedQuery(BEHIND)
                .execute(Tuple.of(lines, cooperatives))
                .map(rows -> {
                    Map<UUID, Behind> behind = new HashMap<>();
                    rows.forEach(r -> behind.put(
                            r.getUUID("cooperative_id"),
                            new Behind(r.getLong("producers"), r.getBigDecimal("hectares"))));
                    return behind;
                });
    }
}
