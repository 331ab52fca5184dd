package org.originlive.sale;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.originlive.catalog.ProductStock;
import org.originlive.common.Caller;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.common.Role;
import org.originlive.common.Transactions;

/**
 * A sale's moves (start, end, cancel, and the scheduler's) and its pinned item: each change and
 * its frames in one transaction, through SaleEvents.
 */
@ApplicationScoped
public class SaleLifecycle {

    private final Transactions transactions;

    private final SaleRepository sales;
    private final SaleQueries queries;
    private final SaleStock stock;
    private final ProductStock products;
    private final SaleEvents events;
    private final SaleVideo video;
    private final PinHistory pins;
    private final SaleStarts starts;
    private final Clock clock;

    SaleLifecycle(
            Transactions transactions,
            SaleRepository sales,
            SaleQueries queries,
            SaleStock stock,
            ProductStock products,
            SaleEvents events,
            SaleVideo video,
            PinHistory pins,
            SaleStarts starts,
            Clock clock) {
        this.pins = pins;
        this.starts = starts;
        this.transactions = transactions;
        this.sales = sales;
        this.queries = queries;
        this.stock = stock;
        this.products = products;
        this.events = events;
        this.video = video;
        this.clock = clock;
    }

    /** Start, end or cancel on behalf of the owning host or an admin. */
    public Uni<SaleApi.SaleView> change(Caller caller, UUID id, SaleStatus to) {
        return queries.get(id)
                .flatMap(sale -> {
                    if (!caller.is(Role.ADMIN) && !sale.hostId().equals(caller.id())) {
                        throw ProblemException.forbidden("Only the sale's host or an admin may change it");
                    }
                    return move(id, to);
                })
                .flatMap(moved -> moved
                        ? queries.get(id)
                        : queries.get(id).map(now -> {
                            throw new ProblemException(
                                    ProblemType.ILLEGAL_TRANSITION, "A " + now.status() + " sale cannot become " + to);
                        }));
    }

    /**
     * Moves a sale if its state allows it; true when this call made the move. Safe to race
     * from several replicas: the conditional UPDATE lets exactly one win, and only the winner
     * returns unsold stock.
     */
    public Uni<Boolean> move(UUID id, SaleStatus to) {
        long at = clock.millis();
        return transactions.inTransaction(tx -> sales.find(tx, id)
                .flatMap(found -> sales.transition(tx, id, to).flatMap(moved -> {
                    if (!moved) {
                        return Uni.createFrom().item(false);
                    }
                    List<SaleApi.SaleItemView> items = found.get().items();
                    if (!to.isClosed()) {
                        return events.claimSeq(tx, id, 1)
                                .flatMap(seq -> events.publish(tx, List.of(SaleEvent.status(id, to, seq, at))))
                                .flatMap(x -> video.saleMoved(tx, id, to, at))
                                .flatMap(x -> to == SaleStatus.LIVE
                                        ? starts.started(tx, id)
                                        : Uni.createFrom().voidItem())
                                .replaceWith(true);
                    }
                    return stock.zeroAll(tx, id)
                            .flatMap(unsold -> products.returnUnsold(tx, unsold))
                            .flatMap(x -> events.claimSeq(tx, id, items.size() + 1))
                            .flatMap(last -> events.publish(tx, closing(id, to, items, last, at)))
                            .flatMap(x -> pins.ended(tx, id, Instant.ofEpochMilli(at)))
                            .flatMap(x -> video.saleMoved(tx, id, to, at))
                            .replaceWith(true);
                })));
    }

    /** Every item's stock goes to 0, then the new status: {@code last - items .. last}. */
    private static List<SaleEvent> closing(
            UUID id, SaleStatus to, List<SaleApi.SaleItemView> items, long last, long at) {
        List<SaleEvent> changes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            changes.add(SaleEvent.stock(id, items.get(i).id(), 0, last - items.size() + i, at));
        }
        changes.add(SaleEvent.status(id, to, last, at));
        return changes;
    }

    public Uni<SaleApi.SaleView> pin(Caller caller, UUID id, UUID itemId) {
        long at = clock.millis();
        return queries.get(id)
                .flatMap(sale -> {
                    if (!sale.hostId().equals(caller.id())) {
                        throw ProblemException.forbidden("Only the sale's host may pin its items");
                    }
                    if (sale.items().stream().noneMatch(i -> i.id().equals(itemId))) {
                        throw ProblemException.invalid("itemId", "is not an item of this sale");
                    }
                    return transactions.inTransaction(tx -> sales.pin(tx, id, itemId)
                            .flatMap(pinned -> pinned
                                    ? events.claimSeq(tx, id, 1)
                                    : Uni.createFrom()
                                            .failure(new ProblemException(
                                                    ProblemType.ILLEGAL_TRANSITION,
                                                    "A " + sale.status() + " sale cannot pin items")))
                            .flatMap(seq -> events.publish(tx, List.of(SaleEvent.pinned(id, itemId, seq, at))))
                            .flatMap(x -> pins.pinned(tx, id, itemId, Instant.ofEpochMilli(at))));
                })
                .flatMap(x -> queries.get(id));
    }
}
