package org.originlive.origin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A producer's plot: its checked GeoJSON in a {@code jsonb} column (kept as JSON text: Hibernate
 * passes a String through the JSON type unchanged), its type, computed area and bounds beside it.
 */
@Entity
public class Plot extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "producer_id", nullable = false)
    public UUID producerId;

    @Column(name = "area_ha", nullable = false, precision = 12, scale = 4)
    public BigDecimal areaHa;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String geometry;

    @Enumerated(EnumType.STRING)
    @Column(name = "geometry_type", nullable = false)
    public PlotGeometry.Kind geometryType;

    /** The polygon's geodesic area; null for a point. */
    @Column(name = "computed_area_ha", precision = 14, scale = 4)
    public BigDecimal computedAreaHa;

    @Column(name = "min_lon", nullable = false)
    public double minLon;

    @Column(name = "min_lat", nullable = false)
    public double minLat;

    @Column(name = "max_lon", nullable = false)
    public double maxLon;

    @Column(name = "max_lat", nullable = false)
    public double maxLat;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The stored geometry as a JSON tree, for views. */
    JsonNode geometry(ObjectMapper json) {
        try {
            return json.readTree(geometry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored plot geometry is not readable", e);
        }
    }

    OriginApi.Plot view(ObjectMapper json) {
        return new OriginApi.Plot(
                id,
                producerId,
                PlotRepository.plain(areaHa),
                geometry(json),
                PlotRepository.plain(computedAreaHa),
                List.of(minLon, minLat, maxLon, maxLat),
                createdAt);
    }
}
