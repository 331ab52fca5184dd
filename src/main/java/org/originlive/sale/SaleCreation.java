package org.originlive.sale;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.originlive.catalog.ProductStock;
import org.originlive.common.Caller;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;
import org.originlive.i18n.Languages;

/**
 * Creating a sale: its items' quantities taken out of product stock in the same transaction, in a
 * fixed lock order; a sale whose start has come goes LIVE at once.
 */
@ApplicationScoped
public class SaleCreation {

    private final Transactions transactions;

    private final SaleRepository sales;
    private final SaleQueries queries;
    private final SaleLifecycle lifecycle;
    private final ProductStock products;
    private final Languages languages;
    private final Clock clock;

    SaleCreation(
            Transactions transactions,
            SaleRepository sales,
            SaleQueries queries,
            SaleLifecycle lifecycle,
            ProductStock products,
            Languages languages,
            Clock clock) {
        this.transactions = transactions;
        this.sales = sales;
        this.queries = queries;
        this.lifecycle = lifecycle;
        this.products = products;
        this.languages = languages;
        this.clock = clock;
    }

    /**
     * Creates a sale and takes each item's quantity out of its product's stock in the same
     * transaction; a sale whose start has come goes LIVE at once.
     */
    public Uni<SaleApi.SaleView> create(Caller host, SaleApi.CreateSale request) {
        validate(request);
        String sourceLang = languages.sourceLang(request.sourceLang());
        UUID saleId = UUID.randomUUID();
        return transactions
                .inTransaction(tx -> allocate(tx, request.items()).flatMap(items -> {
                    String currency = items.get(0).currency();
                    if (items.stream().anyMatch(i -> !i.currency().equals(currency))) {
                        return Uni.createFrom()
                                .failure(ProblemException.invalid(
                                        "items", "all items of a sale must share one currency"));
                    }
                    SaleApi.SaleView sale = new SaleApi.SaleView(
                            saleId,
                            request.title().trim(),
                            host.id(),
                            request.streamUrl() == null || request.streamUrl().isBlank()
                                    ? null
                                    : request.streamUrl().trim(),
                            SaleApi.Video.unavailable(SaleStatus.SCHEDULED),
                            request.startsAt(),
                            request.endsAt(),
                            SaleStatus.SCHEDULED,
                            null,
                            currency,
                            0,
                            items,
                            sourceLang,
                            sourceLang);
                    return sales.insertSale(tx, sale).flatMap(x -> sales.insertItems(tx, saleId, items));
                }))
                .flatMap(x -> request.startsAt().isAfter(clock.instant())
                        ? Uni.createFrom().voidItem()
                        : lifecycle.move(saleId, SaleStatus.LIVE).replaceWithVoid())
                .flatMap(x -> queries.get(saleId));
    }

    private Uni<List<SaleApi.SaleItemView>> allocate(Tx tx, List<SaleApi.CreateItem> requested) {
        // A fixed lock order (by product id) keeps concurrent allocations free of deadlocks.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> requested.get(i).productId()));
        SaleApi.SaleItemView[] items = new SaleApi.SaleItemView[requested.size()];
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int index : order) {
            SaleApi.CreateItem item = requested.get(index);
            chain = chain.flatMap(x -> products.take(tx, item.productId(), item.quantity())
                    .flatMap(taken ->
                            taken.isPresent() ? Uni.createFrom().item(taken.get()) : explainShortfall(tx, index, item))
                    .invoke(taken -> items[index] = new SaleApi.SaleItemView(
                            UUID.randomUUID(),
                            item.productId(),
                            taken.cooperativeId(),
                            taken.name(),
                            item.salePriceMinor(),
                            taken.currency(),
                            item.quantity(),
                            item.quantity(),
                            item.perCustomerLimit()))
                    .replaceWithVoid());
        }
        return chain.map(x -> List.of(items));
    }

    private Uni<ProductStock.Taken> explainShortfall(Tx tx, int index, SaleApi.CreateItem item) {
        String field = "items[" + index + "].productId";
        return products.state(tx, item.productId()).map(state -> {
            if (!state.exists()) {
                throw ProblemException.invalid(field, "no such product");
            }
            if (!state.active()) {
                throw ProblemException.invalid(field, "product is archived");
            }
            throw new ProblemException(
                    ProblemType.INSUFFICIENT_STOCK,
                    "Product " + item.productId() + " has " + state.stock() + " in stock, " + item.quantity()
                            + " requested");
        });
    }

    private void validate(SaleApi.CreateSale request) {
        if (!request.endsAt().isAfter(request.startsAt())) {
            throw ProblemException.invalid("endsAt", "must be after startsAt");
        }
        if (!request.endsAt().isAfter(clock.instant())) {
            throw ProblemException.invalid("endsAt", "must be in the future");
        }
        if (new HashSet<>(request.items().stream()
                                .map(SaleApi.CreateItem::productId)
                                .toList())
                        .size()
                != request.items().size()) {
            throw ProblemException.invalid("items", "a product may appear only once per sale");
        }
    }
}
