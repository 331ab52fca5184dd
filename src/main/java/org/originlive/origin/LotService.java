package org.originlive.origin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.originlive.common.Caller;
import org.originlive.common.Codes;
import org.originlive.common.Failures;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/** Lots: a product's harvest, made from its members' inputs, shown in full to its cooperative and in public to anyone. */
@ApplicationScoped
public class LotService {

    private final Transactions transactions;

    static final LocalDate EARLIEST_HARVEST = LocalDate.of(1950, 1, 1);
    static final LocalDate LATEST_HARVEST = LocalDate.of(2100, 12, 31);

    private final LotRepository lots;
    private final ProducerRepository producers;
    private final PlotRepository plots;
    private final ObjectMapper json;
    private final Clock clock;

    LotService(
            Transactions transactions,
            LotRepository lots,
            ProducerRepository producers,
            PlotRepository plots,
            ObjectMapper json,
            Clock clock) {
        this.transactions = transactions;
        this.lots = lots;
        this.producers = producers;
        this.plots = plots;
        this.json = json;
        this.clock = clock;
    }

    public Uni<OriginApi.Lot> create(Caller caller, UUID cooperativeId, OriginApi.CreateLot request) {
        caller.requireCooperative(cooperativeId);
        OriginApi.Lot lot = checked(cooperativeId, request);
        return transactions
                .inTransaction(tx -> producers
                        .cooperativeRegion(tx, cooperativeId)
                        .map(region ->
                                region.orElseThrow(() -> ProblemException.notFound("Cooperative", cooperativeId)))
                        .flatMap(x -> lots.productCooperative(tx, request.productId()))
                        .invoke(owner -> {
                            if (owner.isEmpty() || !owner.get().equals(cooperativeId)) {
                                throw ProblemException.invalid("productId", "must be a product of this cooperative");
                            }
                        })
                        .flatMap(x -> checkInputs(tx, cooperativeId, request.inputs()))
                        .flatMap(x -> lots.insert(tx, lot, clock.instant()))
                        .flatMap(x -> lots.find(tx, lot.id()))
                        .map(found -> found.orElseThrow()))
                .onFailure(Failures::isUniqueViolation)
                .transform(e -> new ProblemException(
                        ProblemType.LOT_CODE_TAKEN, "This cooperative already has a lot " + request.lotCode()));
    }

    /** The rules that need no database: dates, quantities, certifications, currencies. */
    private static OriginApi.Lot checked(UUID cooperativeId, OriginApi.CreateLot request) {
        for (String field : List.of("harvestFrom", "harvestTo")) {
            LocalDate date = field.equals("harvestFrom") ? request.harvestFrom() : request.harvestTo();
            if (date.isBefore(EARLIEST_HARVEST) || date.isAfter(LATEST_HARVEST)) {
                throw ProblemException.invalid(field, "must be between " + EARLIEST_HARVEST + " and " + LATEST_HARVEST);
            }
        }
        if (request.harvestFrom().isAfter(request.harvestTo())) {
            throw ProblemException.invalid("harvestTo", "must not be before harvestFrom");
        }
        BigDecimal inputs = BigDecimal.ZERO;
        for (int i = 0; i < request.inputs().size(); i++) {
            OriginApi.LotInput input = request.inputs().get(i);
            Codes.requireCurrency("inputs[" + i + "].currency", input.currency());
            inputs = inputs.add(input.kg());
        }
        if (inputs.compareTo(request.quantityKg()) > 0) {
            throw ProblemException.invalid(
                    "inputs",
                    "add up to " + inputs.toPlainString() + " kg, more than the lot's quantityKg "
                            + request.quantityKg().toPlainString());
        }
        List<String> certifications =
                request.certifications().stream().map(String::trim).distinct().toList();
        String process = request.process() == null || request.process().isBlank()
                ? null
                : request.process().trim();
        return new OriginApi.Lot(
                UUID.randomUUID(),
                cooperativeId,
                request.productId(),
                request.lotCode(),
                process,
                request.harvestFrom(),
                request.harvestTo(),
                request.quantityKg(),
                certifications,
                request.inputs(),
                null);
    }

    /** Each input's producer is a member of this cooperative, and its plot (if named) is that producer's. */
    private Uni<Void> checkInputs(Tx tx, UUID cooperativeId, List<OriginApi.LotInput> inputs) {
        List<UUID> producerIds =
                inputs.stream().map(OriginApi.LotInput::producerId).distinct().toList();
        List<UUID> plotIds = inputs.stream()
                .map(OriginApi.LotInput::plotId)
                .filter(id -> id != null)
                .distinct()
                .toList();
        return producers.findAll(tx, producerIds).flatMap(members -> plots.findAll(tx, plotIds)
                .map(found -> {
                    Set<UUID> ours = members.stream()
                            .filter(p -> p.cooperativeId().equals(cooperativeId))
                            .map(OriginApi.Producer::id)
                            .collect(Collectors.toCollection(HashSet::new));
                    Map<UUID, UUID> plotOwner =
                            found.stream().collect(Collectors.toMap(OriginApi.Plot::id, OriginApi.Plot::producerId));
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
    public Uni<Object> get(Caller caller, UUID id) {
        return lots.find(transactions.autoCommit(), id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Lot", id)))
                .flatMap(lot -> caller != null && caller.mayManage(lot.cooperativeId())
                        ? Uni.createFrom().item(lot)
                        : publicViews(List.of(id)).map(views -> views.get(id)));
    }

    public Uni<Page<OriginApi.PublicLot>> list(UUID cooperativeId, PageRequest page) {
        return lots.page(cooperativeId, page);
    }

    /** Public views by lot id, for traces. */
    public Uni<Map<UUID, OriginApi.PublicLot>> publicViews(List<UUID> ids) {
        return lots.publicViews(transactions.autoCommit(), ids)
                .map(list -> list.stream().collect(Collectors.toMap(OriginApi.PublicLot::id, Function.identity())));
    }

    /** The lot's plots as a GeoJSON FeatureCollection, for due-diligence statements (its cooperative and ADMIN). */
    public Uni<ObjectNode> geojson(Caller caller, UUID id) {
        return lots.find(transactions.autoCommit(), id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Lot", id)))
                .invoke(lot -> caller.requireCooperative(lot.cooperativeId()))
                .flatMap(lot -> lots.features(transactions.autoCommit(), id).map(features -> {
                    ObjectNode collection = json.createObjectNode().put("type", "FeatureCollection");
                    collection.put("lotId", lot.id().toString());
                    collection.put("lotCode", lot.lotCode());
                    collection.put("productId", lot.productId().toString());
                    collection.set("features", features);
                    return collection;
                }));
    }
}
