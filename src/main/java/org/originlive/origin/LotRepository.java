package org.originlive.origin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.Rows;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/** Lots and their inputs in SQL; the public view is aggregated here so it never carries a name without consent. */
@ApplicationScoped
@OwnsTables({"lot", "lot_input"})
public class LotRepository {

    private static final String LOT_COLUMNS = "l.id, l.cooperative_id, l.product_id, l.lot_code, l.process,"
            + " l.harvest_from, l.harvest_to, l.quantity_kg, l.certifications, l.created_at";

    // Counts, hectares of distinct plots, regions and consenting names, per lot.
    private static final String PUBLIC_COLUMNS = LOT_COLUMNS
            + ", (SELECT count(DISTINCT i.producer_id) FROM lot_input i WHERE i.lot_id = l.id) AS producers"
            + ", (SELECT count(DISTINCT i.plot_id) FROM lot_input i WHERE i.lot_id = l.id) AS plots"
            + ", (SELECT coalesce(sum(p.area_ha), 0) FROM plot p"
            + "    WHERE p.id IN (SELECT i.plot_id FROM lot_input i WHERE i.lot_id = l.id)) AS hectares"
            + ", (SELECT coalesce(array_agg(DISTINCT pr.region ORDER BY pr.region), '{}') FROM lot_input i"
            + "    JOIN producer pr ON pr.id = i.producer_id WHERE i.lot_id = l.id) AS regions"
            + ", (SELECT coalesce(array_agg(DISTINCT pr.display_name ORDER BY pr.display_name), '{}') FROM lot_input i"
            + "    JOIN producer pr ON pr.id = i.producer_id WHERE i.lot_id = l.id AND pr.public_consent) AS names";

    private final Tx db;
    private final ObjectMapper json;

    LotRepository(Transactions transactions, ObjectMapper json) {
        this.db = transactions.autoCommit();
        this.json = json;
    }

    /** The cooperative of a product, or empty when there is no such product. */
    public Uni<Optional<UUID>> productCooperative(Tx client, UUID productId) {
        return client.sql()
                .preparedQuery("SELECT cooperative_id FROM product WHERE id = $1")
                .execute(Tuple.of(productId))
                .map(rows -> Rows.first(rows).map(r -> r.getUUID("cooperative_id")));
    }

    public Uni<Void> insert(Tx tx, OriginApi.Lot lot, Instant now) {
        List<Tuple> inputs = new ArrayList<>();
        for (int i = 0; i < lot.inputs().size(); i++) {
            OriginApi.LotInput in = lot.inputs().get(i);
            inputs.add(Tuple.from(Arrays.asList(
                    lot.id(), i, in.producerId(), in.plotId(), in.kg(), in.farmgatePaidMinor(), in.currency())));
        }
        return tx.sql()
                .preparedQuery("INSERT INTO lot (id, cooperative_id, product_id, lot_code, process, harvest_from,"
                        + " harvest_to, quantity_kg, certifications, created_at)"
                        + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
                .execute(Tuple.from(Arrays.asList(
                        lot.id(),
                        lot.cooperativeId(),
                        lot.productId(),
                        lot.lotCode(),
                        lot.process(),
                        lot.harvestFrom(),
                        lot.harvestTo(),
                        lot.quantityKg(),
                        lot.certifications().toArray(String[]::new),
                        now.atOffset(ZoneOffset.UTC))))
                .flatMap(x -> tx.sql()
                        .preparedQuery("INSERT INTO lot_input (lot_id, input_no, producer_id, plot_id, kg,"
                                + " farmgate_paid_minor, currency) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                        .executeBatch(inputs))
                .replaceWithVoid();
    }

    public Uni<Optional<OriginApi.Lot>> find(Tx client, UUID id) {
        return client.sql()
                .preparedQuery("SELECT " + LOT_COLUMNS + " FROM lot l WHERE l.id = $1")
                .execute(Tuple.of(id))
                .flatMap(rows -> {
                    Optional<Row> row = Rows.first(rows);
                    if (row.isEmpty()) {
                        return Uni.createFrom().item(Optional.<OriginApi.Lot>empty());
                    }
                    return client.sql()
                            .preparedQuery("SELECT producer_id, plot_id, kg, farmgate_paid_minor, currency"
                                    + " FROM lot_input WHERE lot_id = $1 ORDER BY input_no")
                            .execute(Tuple.of(id))
                            .map(inputs -> Optional.of(lot(row.get(), inputs)));
                });
    }

    /** The lots' public views, in no particular order. */
    public Uni<List<OriginApi.PublicLot>> publicViews(Tx client, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return client.sql()
                .preparedQuery("SELECT " + PUBLIC_COLUMNS + " FROM lot l WHERE l.id = ANY($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(LotRepository::publicLots);
    }

    public Uni<Page<OriginApi.PublicLot>> page(UUID cooperativeId, PageRequest page) {
        Uni<List<OriginApi.PublicLot>> items = db.sql()
                .preparedQuery("SELECT " + PUBLIC_COLUMNS
                        + " FROM lot l WHERE l.cooperative_id = $1 ORDER BY l.created_at DESC, l.id LIMIT $2 OFFSET $3")
                .execute(Tuple.of(cooperativeId, page.size(), page.offset()))
                .map(LotRepository::publicLots);
        Uni<Long> total = db.sql()
                .preparedQuery("SELECT count(*) AS n FROM lot WHERE cooperative_id = $1")
                .execute(Tuple.of(cooperativeId))
                .map(rows -> rows.iterator().next().getLong("n"));
        return Uni.combine()
                .all()
                .unis(items, total)
                .asTuple()
                .map(t -> new Page<>(t.getItem1(), page.page(), page.size(), t.getItem2()));
    }

    /** The lot's plots as GeoJSON features with who farms them and how much of the lot came from each. */
    public Uni<ArrayNode> features(Tx client, UUID lotId) {
        return client.sql()
                .preparedQuery("SELECT p.id, p.geometry::text AS geometry, p.area_ha, p.computed_area_ha,"
                        + " pr.id AS producer_id, pr.member_code, pr.display_name, pr.region, sum(i.kg) AS kg"
                        + " FROM lot_input i JOIN plot p ON p.id = i.plot_id JOIN producer pr ON pr.id = p.producer_id"
                        + " WHERE i.lot_id = $1"
                        + " GROUP BY p.id, pr.id ORDER BY pr.member_code, p.created_at, p.id")
                .execute(Tuple.of(lotId))
                .map(rows -> {
                    ArrayNode features = json.createArrayNode();
                    rows.forEach(r -> features.add(feature(r)));
                    return features;
                });
    }

    private ObjectNode feature(Row r) {
        ObjectNode feature = json.createObjectNode().put("type", "Feature");
        feature.put("id", r.getUUID("id").toString());
        try {
            feature.set("geometry", json.readTree(r.getString("geometry")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored plot geometry is not readable", e);
        }
        ObjectNode properties = feature.putObject("properties");
        properties.put("plotId", r.getUUID("id").toString());
        properties.put("producerId", r.getUUID("producer_id").toString());
        properties.put("memberCode", r.getString("member_code"));
        properties.put("producerName", r.getString("display_name"));
        properties.put("region", r.getString("region"));
        properties.put("areaHa", PlotRepository.plain(r.getBigDecimal("area_ha")));
        properties.put("computedAreaHa", PlotRepository.plain(r.getBigDecimal("computed_area_ha")));
        properties.put("kg", PlotRepository.plain(r.getBigDecimal("kg")));
        return feature;
    }

    private static OriginApi.Lot lot(Row r, Iterable<Row> inputRows) {
        List<OriginApi.LotInput> inputs = new ArrayList<>();
        inputRows.forEach(i -> inputs.add(new OriginApi.LotInput(
                i.getUUID("producer_id"),
                i.getUUID("plot_id"),
                PlotRepository.plain(i.getBigDecimal("kg")),
                i.getLong("farmgate_paid_minor"),
                i.getString("currency"))));
        return new OriginApi.Lot(
                r.getUUID("id"),
                r.getUUID("cooperative_id"),
                r.getUUID("product_id"),
                r.getString("lot_code"),
                r.getString("process"),
                r.getLocalDate("harvest_from"),
                r.getLocalDate("harvest_to"),
                PlotRepository.plain(r.getBigDecimal("quantity_kg")),
                List.of(r.getArrayOfStrings("certifications")),
                inputs,
                r.getOffsetDateTime("created_at").toInstant());
    }

    private static List<OriginApi.PublicLot> publicLots(Iterable<Row> rows) {
        List<OriginApi.PublicLot> list = new ArrayList<>();
        rows.forEach(r -> list.add(new OriginApi.PublicLot(
                r.getUUID("id"),
                r.getUUID("cooperative_id"),
                r.getUUID("product_id"),
                r.getString("lot_code"),
                r.getString("process"),
                r.getLocalDate("harvest_from"),
                r.getLocalDate("harvest_to"),
                PlotRepository.plain(r.getBigDecimal("quantity_kg")),
                List.of(r.getArrayOfStrings("certifications")),
                r.getLong("producers"),
                r.getLong("plots"),
                PlotRepository.plain(r.getBigDecimal("hectares")),
                List.of(r.getArrayOfStrings("regions")),
                List.of(r.getArrayOfStrings("names")))));
        return list;
    }
}
