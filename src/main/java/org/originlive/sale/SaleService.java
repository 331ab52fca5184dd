package org.originlive.sale;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.originlive.catalog.ProductStock;
import org.originlive.common.Caller;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.common.Role;
import org.originlive.i18n.Lang;
import org.originlive.i18n.Languages;
import org.originlive.i18n.Translated;
import org.originlive.i18n.Translations;

@ApplicationScoped
public class SaleService {

    private final SaleRepository sales;
    private final SaleStock stock;
    private final ProductStock products;
    private final SaleEvents events;
    private final Translations translations;
    private final Languages languages;
    private final SaleVideo video;
    private final Clock clock;

    SaleService(
            SaleRepository sales,
            SaleStock stock,
            ProductStock products,
            SaleEvents events,
            Translations translations,
            Languages languages,
            SaleVideo video,
            Clock clock) {
        this.sales = sales;
        this.stock = stock;
        this.products = products;
        this.events = events;
        this.translations = translations;
        this.languages = languages;
        this.video = video;
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
        return sales.pool()
                .withTransaction(tx -> allocate(tx, request.items()).flatMap(items -> {
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
                        : move(saleId, SaleStatus.LIVE).replaceWithVoid())
                .flatMap(x -> get(saleId));
    }

    public Uni<SaleApi.SaleView> get(UUID id) {
        return sales.find(id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Sale", id)))
                .flatMap(sale -> withVideo(List.of(sale)))
                .map(list -> list.get(0));
    }

    /** Each sale with its video as viewers see it (one query for any number of sales). */
    private Uni<List<SaleApi.SaleView>> withVideo(List<SaleApi.SaleView> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(list);
        }
        return video.seenBy(list.stream().map(SaleApi.SaleView::id).toList()).map(seen -> list.stream()
                .map(s -> s.withVideo(seen.getOrDefault(s.id(), s.video())))
                .toList());
    }

    /** One host's sales: the host itself or an admin; another host's id is 403, not an empty page. */
    public Uni<Page<SaleApi.SaleView>> listOfHost(
            Caller caller, UUID hostId, SaleStatus status, PageRequest page, Lang lang) {
        if (!caller.is(Role.ADMIN) && !(caller.is(Role.HOST) && caller.id().equals(hostId))) {
            throw ProblemException.forbidden("A host may list only its own sales");
        }
        return inLanguage(sales.list(status, hostId, page), lang);
    }

    /** The sale served in {@code lang}: its title and its items' product names translated where they are. */
    public Uni<SaleApi.SaleView> get(UUID id, Lang lang) {
        return get(id).flatMap(sale -> translated(List.of(sale), lang)).map(list -> list.get(0));
    }

    public Uni<Page<SaleApi.SaleView>> list(SaleStatus status, PageRequest page, Lang lang) {
        return inLanguage(sales.list(status, null, page), lang);
    }

    private Uni<Page<SaleApi.SaleView>> inLanguage(Uni<Page<SaleApi.SaleView>> page, Lang lang) {
        return page.flatMap(found -> withVideo(found.items())
                .flatMap(items -> translated(items, lang))
                .map(list -> new Page<>(list, found.page(), found.size(), found.total())));
    }

    /** Two queries for any number of sales: their titles' translations and their products'. */
    private Uni<List<SaleApi.SaleView>> translated(List<SaleApi.SaleView> list, Lang lang) {
        if (lang.isSource() || list.isEmpty()) {
            return Uni.createFrom().item(list);
        }
        List<UUID> products = list.stream()
                .flatMap(s -> s.items().stream())
                .map(SaleApi.SaleItemView::productId)
                .toList();
        return Uni.combine()
                .all()
                .unis(
                        translations.of(
                                Translated.SALE,
                                list.stream().map(SaleApi.SaleView::id).toList(),
                                lang),
                        translations.of(Translated.PRODUCT, products, lang))
                .asTuple()
                .map(t -> list.stream()
                        .map(s -> s.translated(lang.tag(), t.getItem1().get(s.id()), t.getItem2()))
                        .toList());
    }

    /** Start, end or cancel on behalf of the owning host or an admin. */
    public Uni<SaleApi.SaleView> change(Caller caller, UUID id, SaleStatus to) {
        return get(id).flatMap(sale -> {
                    if (!caller.is(Role.ADMIN) && !sale.hostId().equals(caller.id())) {
                        throw ProblemException.forbidden("Only the sale's host or an admin may change it");
                    }
                    return move(id, to);
                })
                .flatMap(moved -> moved
                        ? get(id)
                        : get(id).map(now -> {
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
        return sales.pool().withTransaction(tx -> sales.find(tx, id)
                .flatMap(found -> sales.transition(tx, id, to).flatMap(moved -> {
                    if (!moved) {
                        return Uni.createFrom().item(false);
                    }
                    List<SaleApi.SaleItemView> items = found.get().items();
                    if (!to.isClosed()) {
                        return events.claimSeq(tx, id, 1)
                                .flatMap(seq -> events.publish(tx, List.of(SaleEvent.status(id, to, seq, at))))
                                .flatMap(x -> video.saleMoved(tx, id, to, at))
                                .replaceWith(true);
                    }
                    return products.returnUnsold(tx, id)
                            .flatMap(x -> stock.zeroAll(tx, id))
                            .flatMap(x -> events.claimSeq(tx, id, items.size() + 1))
                            .flatMap(last -> events.publish(tx, closing(id, to, items, last, at)))
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
        return get(id).flatMap(sale -> {
                    if (!sale.hostId().equals(caller.id())) {
                        throw ProblemException.forbidden("Only the sale's host may pin its items");
                    }
                    if (sale.items().stream().noneMatch(i -> i.id().equals(itemId))) {
                        throw ProblemException.invalid("itemId", "is not an item of this sale");
                    }
                    return sales.pool().withTransaction(tx -> sales.pin(tx, id, itemId)
                            .flatMap(pinned -> pinned
                                    ? events.claimSeq(tx, id, 1)
                                    : Uni.createFrom()
                                            .failure(new ProblemException(
                                                    ProblemType.ILLEGAL_TRANSITION,
                                                    "A " + sale.status() + " sale cannot pin items")))
                            .flatMap(seq -> events.publish(tx, List.of(SaleEvent.pinned(id, itemId, seq, at)))));
                })
                .flatMap(x -> get(id));
    }

    private Uni<List<SaleApi.SaleItemView>> allocate(SqlConnection tx, List<SaleApi.CreateItem> requested) {
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

    private Uni<ProductStock.Taken> explainShortfall(SqlConnection tx, int index, SaleApi.CreateItem item) {
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
