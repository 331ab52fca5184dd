package org.originlive.origin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.originlive.catalog.ProductService;
import org.originlive.common.Caller;
import org.originlive.common.Failures;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.cooperative.CooperativeService;

/** Lots: a product's harvest, made from its members' inputs, shown in full to its cooperative and in public to anyone. */
@ApplicationScoped
public class LotService {

    private final LotRepository lots;
    private final LotInputRepository inputs;
    private final ProducerRepository producers;
    private final PlotRepository plots;
    private final CooperativeService cooperatives;
    private final ProductService products;
    private final ObjectMapper json;
    private final Clock clock;

    LotService(
            LotRepository lots,
            LotInputRepository inputs,
            ProducerRepository producers,
            PlotRepository plots,
            CooperativeService cooperatives,
            ProductService products,
            ObjectMapper json,
            Clock clock) {
        this.lots = lots;
        this.inputs = inputs;
        this.producers = producers;
        this.plots = plots;
        this.cooperatives = cooperatives;
        this.products = products;
        this.json = json;
        this.clock = clock;
    }

    /** Records a lot with its inputs; the unique (cooperative, lot code) index settles two at once. */
    public Uni<OriginApi.Lot> create(Caller caller, UUID cooperativeId, OriginApi.CreateLot request) {
        caller.requireCooperative(cooperativeId);
        Lot lot = LotRules.checked(cooperativeId, request);
        lot.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<LotInput> rows = LotRules.inputRows(lot.id, request.inputs());
        return Panache.withTransaction(() -> cooperatives
                        .get(cooperativeId)
                        .flatMap(x -> products.get(request.productId())
                                .onFailure(ProblemException.class)
                                .recoverWithNull())
                        .invoke(product -> {
                            if (product == null || !product.cooperativeId.equals(cooperativeId)) {
                                throw ProblemException.invalid("productId", "must be a product of this cooperative");
                            }
                        })
                        .flatMap(x -> checkInputs(cooperativeId, request.inputs()))
                        // Flushed first: lot_input's foreign key needs the lot, and no JPA association tells Hibernate.
                        .flatMap(x -> lots.persistAndFlush(lot))
                        .flatMap(x -> inputs.persist(rows)))
                .map(x -> lot.view(rows))
                .onFailure(Failures::isUniqueViolation)
                .transform(e -> new ProblemException(
                        ProblemType.LOT_CODE_TAKEN, "This cooperative already has a lot " + request.lotCode()));
    }

    /** Each input's producer is a member of this cooperative, and its plot (if named) is that producer's. */
    private Uni<Void> checkInputs(UUID cooperativeId, List<OriginApi.LotInput> inputs) {
        List<UUID> producerIds =
                inputs.stream().map(OriginApi.LotInput::producerId).distinct().toList();
        List<UUID> plotIds = inputs.stream()
                .map(OriginApi.LotInput::plotId)
                .filter(id -> id != null)
                .distinct()
                .toList();
        return producers.byIds(producerIds).flatMap(members -> plots.byIds(plotIds)
                .map(found -> {
                    Set<UUID> ours = members.stream()
                            .filter(p -> p.cooperativeId.equals(cooperativeId))
                            .map(p -> p.id)
                            .collect(Collectors.toCollection(HashSet::new));
                    Map<UUID, UUID> plotOwner = found.stream().collect(Collectors.toMap(p -> p.id, p -> p.producerId));
                    for (int i = 0; i < inputs.size(); i++) {
                        OriginApi.LotInput input = inputs.get(i);
                        if (!ours.contains(input.producerId())) {
                            throw ProblemException.invalid(
                                    "inputs[" + i + "].producerId", "must be a producer of this cooperative");
                        }
                        if (input.plotId() != null && !input.producerId().equals(plotOwner.get(input.plotId()))) {
                            throw ProblemException.invalid(
                                    "inputs[" + i + "].plotId", "must be a plot of this producer");
                        }
                    }
                    return null;
                }));
    }

    /** The whole lot for its cooperative and ADMIN; the public view for anyone else (caller may be null). */
    @WithSession
    public Uni<Object> get(Caller caller, UUID id) {
        return lots.byId(id)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Lot", id))
                .flatMap(lot -> caller != null && caller.mayManage(lot.cooperativeId)
                        ? inputs.of(id).map(lot::view)
                        : lots.publicViews(List.of(lot)).map(views -> views.get(0)));
    }

    @WithSession
    public Uni<Page<OriginApi.PublicLot>> list(UUID cooperativeId, PageRequest page) {
        return lots.page(cooperativeId, page).flatMap(found -> lots.publicViews(found.items())
                .map(views -> new Page<>(views, found.page(), found.size(), found.total())));
    }

    /** Public views by lot id, for traces. */
    @WithSession
    public Uni<Map<UUID, OriginApi.PublicLot>> publicViews(List<UUID> ids) {
        return lots.byIds(ids).flatMap(lots::publicViews).map(list -> list.stream()
                .collect(Collectors.toMap(OriginApi.PublicLot::id, Function.identity())));
    }

    /** The lots with these ids (those that exist), by id. */
    @WithSession
    public Uni<Map<UUID, Lot>> byIds(List<UUID> ids) {
        return lots.byIds(ids).map(list -> list.stream().collect(Collectors.toMap(l -> l.id, Function.identity())));
    }

    /** The lot's plots as a GeoJSON FeatureCollection, for due-diligence statements (its cooperative and ADMIN). */
    @WithSession
    public Uni<ObjectNode> geojson(Caller caller, UUID id) {
        return lots.byId(id)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Lot", id))
                .invoke(lot -> caller.requireCooperative(lot.cooperativeId))
                .flatMap(lot -> lots.shares(id).map(shares -> {
                    ObjectNode collection = json.createObjectNode().put("type", "FeatureCollection");
                    collection.put("lotId", lot.id.toString());
                    collection.put("lotCode", lot.lotCode);
                    collection.put("productId", lot.productId.toString());
                    ArrayNode features = collection.putArray("features");
                    shares.forEach(share -> features.add(feature(share)));
                    return collection;
                }));
    }

    private ObjectNode feature(LotRepository.PlotShare share) {
        ObjectNode feature = json.createObjectNode().put("type", "Feature");
        feature.put("id", share.plot().id.toString());
        feature.set("geometry", share.plot().geometry(json));
        ObjectNode properties = feature.putObject("properties");
        properties.put("plotId", share.plot().id.toString());
        properties.put("producerId", share.producer().id.toString());
        properties.put("memberCode", share.producer().memberCode);
        properties.put("producerName", share.producer().displayName);
        properties.put("region", share.producer().region);
        properties.put("areaHa", PlotRepository.plain(share.plot().areaHa));
        properties.put("computedAreaHa", PlotRepository.plain(share.plot().computedAreaHa));
        properties.put("kg", PlotRepository.plain(share.kg()));
        return feature;
    }
}
