package org.originlive.checkout;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.originlive.catalog.ProductStock;
import org.originlive.common.ProblemException;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;
import org.originlive.order.NewOrder;
import org.originlive.order.OrderConfig;
import org.originlive.order.OrderLine;
import org.originlive.order.OrderService;
import org.originlive.order.StoredOrder;

/**
 * A storefront purchase, alone in one transaction: claim the idempotency key, take each product's
 * stock with one conditional UPDATE (in product id order, so concurrent orders cannot deadlock),
 * write the order. An order bought from a sale's replay carries that sale as its {@code source}
 * (checked by {@link ReplaySources}); its prices are still the storefront's.
 */
@ApplicationScoped
class StoreCheckout {

    private final Transactions transactions;

    private final IdempotencyKeys keys;
    private final ReplaySources sources;
    private final ProductStock stock;
    private final OrderService orders;
    private final OrderConfig config;
    private final Clock clock;

    StoreCheckout(
            Transactions transactions,
            IdempotencyKeys keys,
            ReplaySources sources,
            ProductStock stock,
            OrderService orders,
            OrderConfig config,
            Clock clock) {
        this.transactions = transactions;
        this.keys = keys;
        this.sources = sources;
        this.stock = stock;
        this.orders = orders;
        this.config = config;
        this.clock = clock;
    }

    Uni<BatchOutcome> place(BatchRequest request, CheckoutApi.StoreOrderRequest body) {
        IdempotencyKeys.Claim claim = request.claim();
        return transactions
                .inTransaction(tx -> keys.claimAll(tx, List.of(claim)).flatMap(won -> {
                    if (won.get(0)) {
                        return reserve(tx, request, body);
                    }
                    return keys.find(tx, List.of(claim)).map(found -> {
                        if (found.get(0).isEmpty()) {
                            throw ProblemException.unavailable(
                                    "The key is being settled by another request; retry with it");
                        }
                        return found.get(0).get().requestHash().equals(request.hash())
                                ? new BatchOutcome.Replayed(found.get(0).get().orderId())
                                : new BatchOutcome.Refused(CheckoutProblems.mismatch());
                    });
                }))
                .map(outcome -> {
                    if (outcome instanceof BatchOutcome.Refused refused) {
                        throw refused.problem();
                    }
                    return outcome;
                });
    }

    private Uni<BatchOutcome> reserve(Tx tx, BatchRequest request, CheckoutApi.StoreOrderRequest body) {
        List<CheckoutApi.StoreLine> sorted = new ArrayList<>(body.items());
        sorted.sort(Comparator.comparing(CheckoutApi.StoreLine::productId));
        Map<UUID, ProductStock.Taken> taken = new HashMap<>();
        // A wrong source is refused before any stock is taken.
        Uni<Void> chain = sources.check(
                tx,
                body.source(),
                sorted.stream().map(CheckoutApi.StoreLine::productId).toList());
        for (CheckoutApi.StoreLine line : sorted) {
            chain = chain.flatMap(x -> take(tx, line).invoke(t -> taken.put(line.productId(), t)))
                    .replaceWithVoid();
        }
        return chain.flatMap(x -> {
            Set<String> currencies =
                    taken.values().stream().map(ProductStock.Taken::currency).collect(Collectors.toSet());
            if (currencies.size() != 1) {
                throw ProblemException.invalid("items", "all products of an order must share one currency");
            }
            NewOrder order = order(request, body, taken, currencies.iterator().next());
            return orders.record(tx, List.of(order)).replaceWith(new BatchOutcome.Created(order.view()));
        });
    }

    private NewOrder order(
            BatchRequest request,
            CheckoutApi.StoreOrderRequest body,
            Map<UUID, ProductStock.Taken> taken,
            String currency) {
        List<OrderLine> lines = body.items().stream()
                .map(l -> {
                    ProductStock.Taken t = taken.get(l.productId());
                    return OrderLine.of(l.productId(), null, t.cooperativeId(), t.name(), l.quantity(), t.priceMinor());
                })
                .toList();
        Instant now = clock.instant();
        return new NewOrder(
                StoredOrder.reserved(
                        request.orderId(),
                        request.buyerId(),
                        null,
                        body.source(),
                        OrderLine.total(lines),
                        currency,
                        body.shippingAddress(),
                        now,
                        now.plus(config.reservationHold())),
                lines);
    }

    private Uni<ProductStock.Taken> take(Tx tx, CheckoutApi.StoreLine line) {
        return stock.take(tx, line.productId(), line.quantity())
                .flatMap(t -> t.isPresent()
                        ? Uni.createFrom().item(t.get())
                        : stock.state(tx, line.productId()).map(state -> {
                            if (!state.exists()) {
                                throw ProblemException.invalid(
                                        "items.productId", "no such product: " + line.productId());
                            }
                            if (!state.active()) {
                                throw ProblemException.invalid(
                                        "items.productId", "product is archived: " + line.productId());
                            }
                            throw CheckoutProblems.soldOut();
                        }));
    }
}
