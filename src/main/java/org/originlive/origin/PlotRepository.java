package org.originlive.origin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/** Plots in SQL: the checked GeoJSON as {@code jsonb}, with its computed area and bounds. */
@ApplicationScoped
@OwnsTables("plot")
public class PlotRepository {

    private static final String COLUMNS = "id, producer_id, area_ha, geometry::text AS geometry, computed_area_ha,"
            + " min_lon, min_lat, max_lon, max_lat, created_at";

    private final Tx db;
    private final ObjectMapper json;

    PlotRepository(Transactions transactions, ObjectMapper json) {
        this.db = transactions.autoCommit();
        this.json = json;
    }

    public Uni<Void> insert(Tx tx, UUID id, UUID producerId, BigDecimal areaHa, PlotGeometry g, Instant now) {
        PlotGeometry.Bounds b = g.bounds();
        return tx.sql()
                .preparedQuery("INSERT INTO plot (id, producer_id, area_ha, geometry, geometry_type, computed_area_ha,"
                        + " min_lon, min_lat, max_lon, max_lat, created_at)"
                        + " VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10, $11)")
                .execute(Tuple.from(Arrays.asList(
                        id,
                        producerId,
                        areaHa,
                        new JsonObject(g.json().toString()),
                        g.kind().name(),
                        g.computedAreaHa() == null ? null : hectares(g.computedAreaHa()),
                        b.minLon(),
                        b.minLat(),
                        b.maxLon(),
                        b.maxLat(),
                        now.atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    public Uni<List<OriginApi.Plot>> byProducer(Tx client, UUID producerId) {
        return client.sql()
                .preparedQuery(
                        "SELECT " + COLUMNS + " FROM plot WHERE producer_id = $1 ORDER BY created_at, id LIMIT 1000")
                .execute(Tuple.of(producerId))
                .map(this::plots);
    }

    public Uni<List<OriginApi.Plot>> findAll(Tx client, List<UUID> ids) {
        return client.sql()
                .preparedQuery("SELECT " + COLUMNS + " FROM plot WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(this::plots);
    }

    static BigDecimal hectares(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }

    /** A stored decimal without trailing zeros and never in exponent form (10.0000 → 10). */
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private List<OriginApi.Plot> plots(Iterable<Row> rows) {
        List<OriginApi.Plot> list = new ArrayList<>();
        rows.forEach(r -> list.add(plot(r)));
        return list;
    }

    private OriginApi.Plot plot(Row r) {
        try {
            return new OriginApi.Plot(
                    r.getUUID("id"),
                    r.getUUID("producer_id"),
                    plain(r.getBigDecimal("area_ha")),
                    json.readTree(r.getString("geometry")),
                    plain(r.getBigDecimal("computed_area_ha")),
                    List.of(
                            r.getDouble("min_lon"),
                            r.getDouble("min_lat"),
                            r.getDouble("max_lon"),
                            r.getDouble("max_lat")),
                    r.getOffsetDateTime("created_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored plot geometry is not readable", e);
        }
    }
}
