package org.originlive.origin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.originlive.common.Caller;
import org.originlive.common.Failures;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.cooperative.CooperativeService;

/** Cooperative members and their plots: the people and places behind a lot. */
@ApplicationScoped
public class ProducerService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ProducerRepository producers;
    private final PlotRepository plots;
    private final CooperativeService cooperatives;
    private final OriginConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    ProducerService(
            ProducerRepository producers,
            PlotRepository plots,
            CooperativeService cooperatives,
            OriginConfig config,
            ObjectMapper json,
            Clock clock) {
        this.producers = producers;
        this.plots = plots;
        this.cooperatives = cooperatives;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** Registers a member; the unique (cooperative, member code) index settles two desks registering one at once. */
    public Uni<OriginApi.Producer> create(Caller caller, UUID cooperativeId, OriginApi.CreateProducer request) {
        caller.requireCooperative(cooperativeId);
        return Panache.withTransaction(() -> cooperatives.get(cooperativeId).flatMap(cooperative -> {
                    Producer p = new Producer();
                    p.id = UUID.randomUUID();
                    p.cooperativeId = cooperativeId;
                    p.memberCode = request.memberCode();
                    p.displayName = request.displayName().trim();
                    p.publicConsent = request.publicConsent();
                    p.region = request.region() == null || request.region().isBlank()
                            ? cooperative.region
                            : request.region().trim();
                    p.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    return producers.persist(p);
                }))
                .map(Producer::view)
                .onFailure(Failures::isUniqueViolation)
                .transform(e -> new ProblemException(
                        ProblemType.MEMBER_CODE_TAKEN,
                        "This cooperative already has a member with code " + request.memberCode()));
    }

    public Uni<Page<OriginApi.Producer>> list(Caller caller, UUID cooperativeId, PageRequest page) {
        caller.requireCooperative(cooperativeId);
        return producers.page(cooperativeId, page).map(found -> found.map(Producer::view));
    }

    /** The producer if the caller may manage its cooperative: 404 when unknown, 403 for anyone else. */
    Uni<Producer> managed(Caller caller, UUID producerId) {
        return producers.byId(producerId).map(p -> {
            if (p == null) {
                throw ProblemException.notFound("Producer", producerId);
            }
            caller.requireCooperative(p.cooperativeId);
            return p;
        });
    }

    @WithTransaction
    public Uni<OriginApi.Plot> addPlot(Caller caller, UUID producerId, OriginApi.CreatePlot request) {
        return managed(caller, producerId)
                .map(p -> {
                    PlotGeometry geometry = PlotGeometry.parse(request.geometry());
                    checkArea(request.areaHa(), geometry);
                    return geometry;
                })
                .flatMap(geometry -> plots.persist(plot(producerId, request.areaHa(), geometry)))
                .map(plot -> plot.view(json));
    }

    /** The plot as the database stores it: numeric(12, 4) hectares, microsecond time. */
    private Plot plot(UUID producerId, BigDecimal areaHa, PlotGeometry g) {
        Plot plot = new Plot();
        plot.id = UUID.randomUUID();
        plot.producerId = producerId;
        plot.areaHa = areaHa.setScale(4, RoundingMode.HALF_UP);
        plot.geometry = g.json().toString();
        plot.geometryType = g.kind();
        plot.computedAreaHa = g.computedAreaHa() == null ? null : PlotRepository.hectares(g.computedAreaHa());
        plot.minLon = g.bounds().minLon();
        plot.minLat = g.bounds().minLat();
        plot.maxLon = g.bounds().maxLon();
        plot.maxLat = g.bounds().maxLat();
        plot.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return plot;
    }

    @WithSession
    public Uni<List<OriginApi.Plot>> plots(Caller caller, UUID producerId) {
        return managed(caller, producerId)
                .flatMap(p -> plots.byProducer(producerId))
                .map(list -> list.stream().map(plot -> plot.view(json)).toList());
    }

    /**
     * A point stands only for a small plot; a polygon's declared area must match its computed
     * area within max(percent of the computed area, a fixed margin in hectares).
     */
    void checkArea(BigDecimal declared, PlotGeometry geometry) {
        if (geometry.kind() == PlotGeometry.Kind.Point) {
            if (declared.compareTo(config.pointMaxHa()) > 0) {
                throw ProblemException.invalid(
                        "geometry.type",
                        "a plot over " + config.pointMaxHa().toPlainString() + " ha must be a Polygon, not a Point");
            }
            return;
        }
        BigDecimal computed = PlotRepository.hectares(geometry.computedAreaHa());
        BigDecimal margin = computed.multiply(config.areaTolerancePercent())
                .divide(HUNDRED, 4, RoundingMode.HALF_UP)
                .max(config.areaToleranceHa());
        if (declared.subtract(computed).abs().compareTo(margin) > 0) {
            throw ProblemException.invalid(
                    "areaHa",
                    "declares " + declared.toPlainString() + " ha but the polygon measures "
                            + computed.toPlainString() + " ha (allowed difference " + margin.toPlainString()
                            + " ha)");
        }
    }
}
