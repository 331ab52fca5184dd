package org.originlive.sale;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.originlive.common.Caller;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.ProblemException;
import org.originlive.common.Role;
import org.originlive.common.Tx;
import org.originlive.i18n.Lang;
import org.originlive.i18n.Translated;
import org.originlive.i18n.Translations;

/**
 * Reading sales: one sale or a page of them, with their video as viewers see it and in the
 * caller's language.
 */
@ApplicationScoped
public class SaleQueries {

    private final SaleRepository sales;
    private final Translations translations;
    private final SaleVideo video;

    SaleQueries(SaleRepository sales, Translations translations, SaleVideo video) {
        this.sales = sales;
        this.translations = translations;
        this.video = video;
    }

    public Uni<SaleApi.SaleView> get(UUID id) {
        return sales.find(id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Sale", id)))
                .flatMap(sale -> withVideo(List.of(sale)))
                .map(list -> list.get(0));
    }

    /** The sale and its items as stored (no video, untranslated), read through {@code client}; empty when unknown. */
    public Uni<Optional<SaleApi.SaleView>> find(Tx client, UUID id) {
        return sales.find(client, id);
    }

    /** The sale row alone (host, state, times, currency), read through {@code client}; empty when unknown. */
    public Uni<Optional<SaleFacts>> facts(Tx client, UUID id) {
        return sales.facts(client, id, false);
    }

    /**
     * The sale row, share-locked until {@code tx} ends: the sale cannot move meanwhile (notify
     * adds a reminder this way, so none slips in after the sale went LIVE).
     */
    public Uni<Optional<SaleFacts>> factsHeld(Tx tx, UUID id) {
        return sales.facts(tx, id, true);
    }

    /** The cooperatives whose products the sale offers, in no order. */
    public Uni<List<UUID>> cooperatives(UUID saleId) {
        return sales.cooperatives(saleId);
    }

    /** Each sale with its video as viewers see it (one query for any number of sales). */
    private Uni<List<SaleApi.SaleView>> withVideo(List<SaleApi.SaleView> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(list);
        }
        Map<UUID, SaleStatus> statuses =
                list.stream().collect(Collectors.toMap(SaleApi.SaleView::id, SaleApi.SaleView::status, (a, b) -> a));
        return video.seenBy(statuses).map(seen -> list.stream()
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
}
