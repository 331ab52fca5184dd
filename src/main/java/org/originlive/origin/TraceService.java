package org.originlive.origin;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.originlive.common.Caller;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.common.Role;

/** Which lot each shipped line came from, and the buyer's trace of an order back to its lots. */
@ApplicationScoped
public class TraceService {

    private static final Set<String> ASSIGNABLE = Set.of("ACCEPTED", "SHIPPED", "DELIVERED");

    private final LotAssignmentRepository assignments;
    private final LotService lots;
    private final Clock clock;

    TraceService(LotAssignmentRepository assignments, LotService lots, Clock clock) {
        this.assignments = assignments;
        this.lots = lots;
        this.clock = clock;
    }

    /**
     * Records the lots of a fulfilment's lines, all or none: each line must be in this fulfilment,
     * each lot of the same cooperative and product, and the fulfilment accepted (or further on).
     */
    public Uni<OriginApi.Assignments> assign(Caller caller, UUID fulfillmentId, OriginApi.AssignLots request) {
        List<OriginApi.LineLot> lines = request.lines();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!seen.add(lines.get(i).lineId())) {
                throw ProblemException.invalid("lines[" + i + "].lineId", "appears twice");
            }
        }
        // Lots read before the SQL transaction (never Hibernate inside it); a lot never changes once written.
        return lots.byIds(
                        lines.stream().map(OriginApi.LineLot::lotId).distinct().toList())
                .flatMap(found -> assignments.pool().withTransaction(tx -> assignments
                        .lockFulfillment(tx, fulfillmentId)
                        .map(f -> f.orElseThrow(() -> ProblemException.notFound("Fulfillment", fulfillmentId)))
                        .invoke(f -> {
                            caller.requireCooperative(f.cooperativeId());
                            if (!ASSIGNABLE.contains(f.status())) {
                                throw new ProblemException(
                                        ProblemType.FULFILLMENT_NOT_ACCEPTED,
                                        "Lots are recorded once a fulfilment is ACCEPTED; this one is " + f.status());
                            }
                        })
                        .flatMap(f -> assignments
                                .lineProducts(tx, f)
                                .invoke(products -> {
                                    for (int i = 0; i < lines.size(); i++) {
                                        OriginApi.LineLot line = lines.get(i);
                                        check(i, line, f, products.get(line.lineId()), found.get(line.lotId()));
                                    }
                                })
                                .flatMap(x -> assignments.assign(tx, f, lines, clock.instant()))
                                .flatMap(x -> assignments.assignments(tx, f.id()))
                                .map(all -> new OriginApi.Assignments(f.id(), all)))));
    }

    private static void check(
            int i, OriginApi.LineLot line, LotAssignmentRepository.Fulfillment f, UUID lineProduct, Lot lot) {
        if (lineProduct == null) {
            throw ProblemException.invalid("lines[" + i + "].lineId", "is not a line of this fulfilment");
        }
        if (lot == null || !lot.cooperativeId.equals(f.cooperativeId())) {
            throw ProblemException.invalid("lines[" + i + "].lotId", "must be a lot of this cooperative");
        }
        if (!lot.productId.equals(lineProduct)) {
            throw ProblemException.invalid("lines[" + i + "].lotId", "is a lot of another product than the line's");
        }
    }

    public Uni<OriginApi.Assignments> assignments(Caller caller, UUID fulfillmentId) {
        return assignments.pool().withTransaction(tx -> assignments
                .lockFulfillment(tx, fulfillmentId)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Fulfillment", fulfillmentId)))
                .invoke(f -> caller.requireCooperative(f.cooperativeId()))
                .flatMap(f -> assignments.assignments(tx, f.id()))
                .map(all -> new OriginApi.Assignments(fulfillmentId, all)));
    }

    /** Each line's cooperative and the public view of its lot; 404 for anyone but the buyer and ADMIN. */
    public Uni<OriginApi.Trace> trace(Caller caller, UUID orderId) {
        return assignments
                .buyer(orderId)
                .invoke(buyer -> {
                    if (buyer.isEmpty() || !(buyer.get().equals(caller.id()) || caller.is(Role.ADMIN))) {
                        throw ProblemException.notFound("Order", orderId);
                    }
                })
                .flatMap(x -> assignments.tracedLines(orderId))
                .flatMap(traced -> lots.publicViews(traced.stream()
                                .map(LotAssignmentRepository.TracedLine::lotId)
                                .filter(Objects::nonNull)
                                .distinct()
                                .toList())
                        .map(views -> {
                            List<OriginApi.TraceLine> lines = new ArrayList<>();
                            for (var t : traced) {
                                lines.add(new OriginApi.TraceLine(
                                        t.lineId(),
                                        t.name(),
                                        t.cooperative(),
                                        t.lotId() == null ? null : views.get(t.lotId())));
                            }
                            return new OriginApi.Trace(orderId, lines);
                        }));
    }
}
