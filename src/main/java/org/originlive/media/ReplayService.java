package org.originlive.media;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.originlive.catalog.ProductService;
import org.originlive.i18n.Lang;
import org.originlive.sale.PinHistory;
import org.originlive.sale.SaleApi;
import org.originlive.sale.SaleQueries;
import org.originlive.sale.SaleStatus;

/** Replays and highlights as buyers see them (public), and the replay views they count. */
@ApplicationScoped
public class ReplayService {

    private static final int PRODUCT_HIGHLIGHTS = 100;
    private static final int SALE_HIGHLIGHTS = 1000;

    private final ReplayReads replays;
    private final ReplayViewCounts views;
    private final PinHistory pins;
    private final SaleQueries sales;
    private final ProductService products;
    private final Clock clock;

    ReplayService(
            ReplayReads replays,
            ReplayViewCounts views,
            PinHistory pins,
            SaleQueries sales,
            ProductService products,
            Clock clock) {
        this.replays = replays;
        this.views = views;
        this.pins = pins;
        this.sales = sales;
        this.products = products;
        this.clock = clock;
    }

    /** The sale's replay; a READY one looked at counts as a view of {@code viewer} (once an hour). */
    public Uni<MediaApi.Replay> replay(UUID saleId, Lang lang, String viewer) {
        return sales.get(saleId, lang).flatMap(sale -> replays.replay(saleId).flatMap(found -> {
            if (sale.status() != SaleStatus.ENDED
                    || found.isEmpty()
                    || "DELETING".equals(found.get().status())) {
                return Uni.createFrom().item(new MediaApi.Replay(MediaApi.ReplayStatus.NONE, null, null, List.of()));
            }
            ReplayReads.Replay replay = found.get();
            if (!"READY".equals(replay.status())) {
                return Uni.createFrom()
                        .item(new MediaApi.Replay(MediaApi.ReplayStatus.PROCESSING, null, null, List.of()));
            }
            return chapters(sale)
                    .call(x -> views.viewed(saleId, viewer, clock.instant()))
                    .map(chapters -> new MediaApi.Replay(
                            MediaApi.ReplayStatus.READY, replay.playbackUrl(), replay.durationSeconds(), chapters));
        }));
    }

    /** One chapter per pin, where the pin falls in the joined recordings as measured. */
    private Uni<List<MediaApi.Chapter>> chapters(SaleApi.SaleView sale) {
        return Uni.combine()
                .all()
                .unis(replays.recordings(sale.id()), pins.of(sale.id()))
                .asTuple()
                .map(t -> {
                    if (t.getItem1().isEmpty()) {
                        return List.of();
                    }
                    ReplayTimeline timeline = new ReplayTimeline(t.getItem1().stream()
                            .map(r -> new ReplayTimeline.Segment(r.startedAt(), r.seconds()))
                            .toList());
                    Map<UUID, SaleApi.SaleItemView> items = items(sale);
                    return t.getItem2().stream()
                            .filter(p -> items.containsKey(p.itemId()))
                            .map(p -> new MediaApi.Chapter(
                                    round(timeline.at(p.from()).seconds()),
                                    p.itemId(),
                                    items.get(p.itemId()).productId(),
                                    items.get(p.itemId()).name()))
                            .toList();
                });
    }

    public Uni<MediaApi.Highlights> ofSale(UUID saleId, Lang lang) {
        return sales.get(saleId, lang).flatMap(sale -> replays.highlights(saleId, null, SALE_HIGHLIGHTS)
                .map(found -> new MediaApi.Highlights(found.stream()
                        .map(h -> view(h, items(sale).get(h.itemId()).name()))
                        .toList())));
    }

    public Uni<MediaApi.Highlights> ofProduct(UUID productId, Lang lang) {
        return products.view(productId, lang).flatMap(product -> replays.highlights(null, productId, PRODUCT_HIGHLIGHTS)
                .map(found -> new MediaApi.Highlights(
                        found.stream().map(h -> view(h, product.name())).toList())));
    }

    private static MediaApi.Highlight view(ReplayReads.Highlight h, String name) {
        return new MediaApi.Highlight(
                h.saleId(), h.itemId(), h.productId(), name, h.startSeconds(), h.durationSeconds(), h.url());
    }

    private static Map<UUID, SaleApi.SaleItemView> items(SaleApi.SaleView sale) {
        Map<UUID, SaleApi.SaleItemView> items = new HashMap<>();
        sale.items().forEach(i -> items.put(i.id(), i));
        return items;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
