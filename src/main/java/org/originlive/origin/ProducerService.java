package org.originlive.origin;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.originlive.common.Caller;
import org.originlive.common.Failures;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.common.Transactions;

/** Cooperative members and their plots: the people and places behind a lot. */
@ApplicationScoped
public class ProducerService {

    private final Transactions transactions;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ProducerRepository producers;
    private final PlotRepository plots;
    private final OriginConfig config;
    private final Clock clock;

    ProducerService(
            Transactions transactions,
            ProducerRepository producers,
            PlotRepository plots,
            OriginConfig config,
            Clock clock) {
        this.transactions = transactions;
        this.producers = producers;
        this.plots = plots;
        this.config = config;
        this.clock = clock;
    }

    public Uni<OriginApi.Producer> create(Caller caller, UUID cooperativeId, OriginApi.CreateProducer request) {
        caller.requireCooperative(cooperativeId);
        return transactions
                .inTransaction(tx -> producers
                        .cooperativeRegion(tx, cooperativeId)
                        .map(region ->
                                region.orElseThrow(() -> ProblemException.notFound("Cooperative", cooperativeId)))
                        .flatMap(coopRegion -> {
                            String region =
                                    request.region() == null || request.region().isBlank()
                                            ? coopRegion
                                            : request.region().trim();
                            var producer = new OriginApi.Producer(
                                    UUID.randomUUID(),
                                    cooperativeId,
                                    request.memberCode(),
                                    request.displayName().trim(),
                                    request.publicConsent(),
                                    region);
                            return producers
                                    .insert(tx, producer, clock.instant())
                                    .replaceWith(producer);
                        }))
                .onFailure(Failures::isUniqueViolation)
                .transform(e -> new ProblemException(
                        ProblemType.MEMBER_CODE_TAKEN,
                        "This cooperative already has a member with code " + request.memberCode()));
    }

    public Uni<Page<OriginApi.Producer>> list(Caller caller, UUID cooperativeId, PageRequest page) {
        caller.requireCooperative(cooperativeId);
        return producers.page(cooperativeId, page);
    }

    /** The producer if the caller may manage its cooperative: 404 when unknown, 403 for anyone else. */
    Uni<OriginApi.Producer> managed(Caller caller, UUID producerId) {
        return producers.find(transactions.autoCommit(), producerId).map(found -> {
            OriginApi.Producer p = found.orElseThrow(() -> ProblemException.notFound("Producer", producerId));
            caller.requireCooperative(p.cooperativeId());
            return p;
        });
    }

    public Uni<OriginApi.Plot> addPlot(Caller caller, UUID producerId, OriginApi.CreatePlot request) {
        UUID id = UUID.randomUUID();
        return managed(caller, producerId)
                .map(p -> {
                    PlotGeometry geometry = PlotGeometry.parse(request.geometry());
                    checkArea(request.areaHa(), geometry);
                    return geometry;
                })
                .flatMap(geometry -> transactions.inTransaction(
                        tx -> plots.insert(tx, id, producerId, request.areaHa(), geometry, clock.instant())
                                .flatMap(x -> plots.findAll(tx, List.of(id)))))
                .map(list -> list.get(0));
    }

    public Uni<List<OriginApi.Plot>> plots(Caller caller, UUID producerId) {
        return managed(caller, producerId).flatMap(p -> plots.byProducer(transactions.autoCommit(), producerId));
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
