package org.originlive.origin;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Rows;

/**
 * Reads only (it owns no table): a sale's money per cooperative from its paid orders'
 * fulfilments less refunds (net = Σ net − Σ (refunded − fee reversed), units less refunded
 * units), and the producers and hectares behind the lots assigned to its lines. Raw SQL: one
 * aggregate statement over other features' money tables.
 */
@ApplicationScoped
@OwnsTables({})
public class ImpactRepository {

    // Fulfilments of the sale's PAID / PARTIALLY_REFUNDED orders; a CANCELLED one counts not at all.
    private static final String IMPACT = "WITH counted AS ("
            + "  SELECT f.order_id, f.cooperative_id, f.gross_minor, f.fee_minor, f.net_minor, f.refunded_minor,"
            + "  f.fee_reversed_minor"
            + "  FROM fulfillment f JOIN customer_order o ON o.id = f.order_id"
            + "  WHERE o.sale_id = $1 AND o.status IN ('PAID', 'PARTIALLY_REFUNDED') AND f.status <> 'CANCELLED'),"
            + " money AS (SELECT cooperative_id, sum(gross_minor) AS gross, sum(fee_minor - fee_reversed_minor) AS fee,"
            + "  sum(net_minor - (refunded_minor - fee_reversed_minor)) AS net, sum(refunded_minor) AS refunded"
            + "  FROM counted GROUP BY cooperative_id),"
            + " lines AS (SELECT l.id, l.cooperative_id, l.quantity - l.refunded_quantity AS quantity FROM order_line l"
            + "  JOIN counted c ON c.order_id = l.order_id AND c.cooperative_id = l.cooperative_id),"
            + " units AS (SELECT cooperative_id, sum(quantity) AS units FROM lines GROUP BY cooperative_id),"
            + " behind AS (SELECT DISTINCT li.cooperative_id, i.producer_id, i.plot_id FROM lines li"
            + "  JOIN lot_assignment a ON a.line_id = li.id JOIN lot_input i ON i.lot_id = a.lot_id),"
            + " producers AS (SELECT cooperative_id, count(DISTINCT producer_id) AS producers FROM behind"
            + "  GROUP BY cooperative_id),"
            + " hectares AS (SELECT cooperative_id, sum(p.area_ha) AS hectares FROM"
            + "  (SELECT DISTINCT cooperative_id, plot_id FROM behind WHERE plot_id IS NOT NULL) b"
            + "  JOIN plot p ON p.id = b.plot_id GROUP BY cooperative_id)"
            + " SELECT c.id, c.name, c.country, coalesce(m.gross, 0) AS gross, coalesce(m.fee, 0) AS fee,"
            + " coalesce(m.net, 0) AS net, coalesce(m.refunded, 0) AS refunded, coalesce(u.units, 0) AS units,"
            + " coalesce(pr.producers, 0) AS producers, coalesce(h.hectares, 0) AS hectares"
            + " FROM (SELECT DISTINCT cooperative_id FROM sale_item WHERE sale_id = $1) s"
            + " JOIN cooperative c ON c.id = s.cooperative_id"
            + " LEFT JOIN money m ON m.cooperative_id = c.id LEFT JOIN units u ON u.cooperative_id = c.id"
            + " LEFT JOIN producers pr ON pr.cooperative_id = c.id LEFT JOIN hectares h ON h.cooperative_id = c.id"
            + " ORDER BY c.name, c.id";

    private final Pool pool;

    ImpactRepository(Pool pool) {
        this.pool = pool;
    }

    /** The sale's currency, or empty when there is no such sale. */
    public Uni<Optional<String>> saleCurrency(UUID saleId) {
        return pool.preparedQuery("SELECT currency FROM sale WHERE id = $1")
                .execute(Tuple.of(saleId))
                .map(rows -> Rows.first(rows).map(r -> r.getString("currency")));
    }

    public record CooperativeImpact(
            OriginApi.ImpactCooperative view, long grossMinor, long feeMinor, long refundedMinor) {}

    public Uni<List<CooperativeImpact>> perCooperative(UUID saleId) {
        return pool.preparedQuery(IMPACT).execute(Tuple.of(saleId)).map(rows -> {
            List<CooperativeImpact> list = new ArrayList<>();
            rows.forEach(r -> list.add(new CooperativeImpact(
                    new OriginApi.ImpactCooperative(
                            r.getUUID("id"),
                            r.getString("name"),
                            r.getString("country"),
                            r.getLong("units"),
                            r.getLong("net"),
                            r.getLong("producers"),
                            PlotRepository.plain(r.getBigDecimal("hectares"))),
                    r.getLong("gross"),
                    r.getLong("fee"),
                    r.getLong("refunded"))));
            return list;
        });
    }
}
