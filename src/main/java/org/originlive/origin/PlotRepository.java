package org.originlive.origin;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;
import org.originlive.common.OwnsTables;

/** Plots: the checked GeoJSON as {@code jsonb}, with its computed area and bounds. */
@ApplicationScoped
@OwnsTables("plot")
public class PlotRepository implements PanacheRepositoryBase<Plot, UUID> {

    static final int MAX_PER_PRODUCER = 1000;

    @WithSession
    public Uni<List<Plot>> byProducer(UUID producerId) {
        return find("producerId", Sort.by("createdAt").and("id"), producerId)
                .range(0, MAX_PER_PRODUCER - 1)
                .list();
    }

    @WithSession
    public Uni<List<Plot>> byIds(List<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
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
}
