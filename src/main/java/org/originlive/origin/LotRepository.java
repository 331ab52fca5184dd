package org.originlive.origin;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.Paging;

/** Lots; their public view is aggregated in the database so it never carries a name without consent. */
@ApplicationScoped
@OwnsTables("lot")
public class LotRepository implements PanacheRepositoryBase<Lot, UUID> {

    // Per lot: distinct producers, distinct plots and the hectares of those plots.
    private static final String COUNTS = "select l.id,"
            + " (select count(distinct i.producerId) from LotInput i where i.lotId = l.id),"
            + " (select count(distinct i.plotId) from LotInput i where i.lotId = l.id),"
            + " (select coalesce(sum(p.areaHa), 0) from Plot p"
            + "   where p.id in (select i.plotId from LotInput i where i.lotId = l.id))"
            + " from Lot l where l.id in :ids";
    private static final String REGIONS = "select distinct i.lotId, pr.region from LotInput i"
            + " join Producer pr on pr.id = i.producerId where i.lotId in :ids order by pr.region";
    private static final String NAMES = "select distinct i.lotId, pr.displayName from LotInput i"
            + " join Producer pr on pr.id = i.producerId where i.lotId in :ids and pr.publicConsent = true"
            + " order by pr.displayName";
    // The lot's plots with their producer and how many kg of the lot came from each.
    private static final String SHARES = "select p, pr,"
            + " (select sum(i.kg) from LotInput i where i.lotId = :lot and i.plotId = p.id)"
            + " from Plot p join Producer pr on pr.id = p.producerId"
            + " where p.id in (select i.plotId from LotInput i where i.lotId = :lot)"
            + " order by pr.memberCode, p.createdAt, p.id";

    @WithSession
    public Uni<Lot> byId(UUID id) {
        return findById(id);
    }

    @WithSession
    public Uni<List<Lot>> byIds(List<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }

    @WithSession
    public Uni<Page<Lot>> page(UUID cooperativeId, PageRequest request) {
        Sort newestFirst = Sort.by("createdAt", Sort.Direction.Descending).and("id");
        return Paging.page(find("cooperativeId", newestFirst, cooperativeId), request);
    }

    /** The lots' public views, in the order given: three queries for any number of lots, one after the other. */
    @WithSession
    public Uni<List<OriginApi.PublicLot>> publicViews(List<Lot> lots) {
        if (lots.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = lots.stream().map(l -> l.id).toList();
        return rows(COUNTS, "ids", ids).flatMap(counts -> rows(REGIONS, "ids", ids)
                .flatMap(regions -> rows(NAMES, "ids", ids).map(names -> {
                    Map<Object, Object[]> byLot = new HashMap<>();
                    counts.forEach(row -> byLot.put(row[0], row));
                    Map<Object, List<String>> regionsOf = grouped(regions);
                    Map<Object, List<String>> namesOf = grouped(names);
                    return lots.stream()
                            .map(l -> publicView(
                                    l,
                                    byLot.get(l.id),
                                    regionsOf.getOrDefault(l.id, List.of()),
                                    namesOf.getOrDefault(l.id, List.of())))
                            .toList();
                })));
    }

    public record PlotShare(Plot plot, Producer producer, BigDecimal kg) {}

    /** The lot's plots, each with its producer and the kg of the lot it gave, by member code. */
    @WithSession
    public Uni<List<PlotShare>> shares(UUID lotId) {
        return rows(SHARES, "lot", lotId).map(rows -> rows.stream()
                .map(r -> new PlotShare((Plot) r[0], (Producer) r[1], (BigDecimal) r[2]))
                .toList());
    }

    private Uni<List<Object[]>> rows(String query, String name, Object value) {
        return getSession().flatMap(session -> session.createSelectionQuery(query, Object[].class)
                .setParameter(name, value)
                .getResultList());
    }

    /** (lot id, text) rows → texts per lot, in the rows' order. */
    private static Map<Object, List<String>> grouped(List<Object[]> rows) {
        Map<Object, List<String>> texts = new HashMap<>();
        rows.forEach(r -> texts.computeIfAbsent(r[0], k -> new ArrayList<>()).add((String) r[1]));
        return texts;
    }

    private static OriginApi.PublicLot publicView(Lot l, Object[] counts, List<String> regions, List<String> names) {
        return new OriginApi.PublicLot(
                l.id,
                l.cooperativeId,
                l.productId,
                l.lotCode,
                l.process,
                l.harvestFrom,
                l.harvestTo,
                PlotRepository.plain(l.quantityKg),
                List.of(l.certifications),
                ((Number) counts[1]).longValue(),
                ((Number) counts[2]).longValue(),
                PlotRepository.plain(new BigDecimal(counts[3].toString())),
                regions,
                names);
    }
}
