package org.originlive.sale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.originlive.i18n.Translation;

/** The JSON shapes of live sales. */
public final class SaleApi {

    private SaleApi() {}

    public record CreateSale(
            @NotBlank @Size(max = 200) String title,
            @Schema(
                            nullable = true,
                            description = "An external player link, shown only when the sale has no video of its own")
                    @Size(max = 2000)
                    String streamUrl,
            @NotNull Instant startsAt,
            @NotNull Instant endsAt,
            @NotEmpty @Size(max = 50) List<@Valid @NotNull CreateItem> items,
            @Size(max = 35) String sourceLang) {}

    public record CreateItem(
            @NotNull UUID productId,
            @NotNull @PositiveOrZero Long salePriceMinor,
            @NotNull @Positive @Max(1_000_000) Integer quantity,
            @NotNull @Positive Integer perCustomerLimit) {}

    public record PinRequest(@NotNull UUID itemId) {}

    public record SaleView(
            UUID id,
            String title,
            UUID hostId,
            @Schema(nullable = true, description = "An external player link; null when the sale has none")
                    String streamUrl,
            Video video,
            Instant startsAt,
            Instant endsAt,
            SaleStatus status,
            @Schema(nullable = true, description = "Null when no item is pinned") UUID pinnedItemId,
            String currency,
            long seq,
            List<SaleItemView> items,
            String sourceLang,
            String lang) {

        /** This sale with its video as viewers see it. */
        public SaleView withVideo(Video seen) {
            return new SaleView(
                    id,
                    title,
                    hostId,
                    streamUrl,
                    seen,
                    startsAt,
                    endsAt,
                    status,
                    pinnedItemId,
                    currency,
                    seq,
                    items,
                    sourceLang,
                    lang);
        }

        /**
         * This sale with its title and its items' names (from their products) translated where a
         * translation exists, each falling back to the source text; {@code lang} is the translations'
         * language when any text came from one.
         */
        public SaleView translated(String into, Translation title, Map<UUID, Translation> products) {
            boolean any = title != null;
            List<SaleItemView> named = new ArrayList<>(items.size());
            for (SaleItemView item : items) {
                Translation product = products.get(item.productId());
                any |= product != null && product.fields().containsKey("name");
                named.add(item.named(Translation.field(product, "name", item.name())));
            }
            return new SaleView(
                    id,
                    Translation.field(title, "title", this.title),
                    hostId,
                    streamUrl,
                    video,
                    startsAt,
                    endsAt,
                    status,
                    pinnedItemId,
                    currency,
                    seq,
                    named,
                    sourceLang,
                    any ? into : sourceLang);
        }
    }

    /**
     * The sale's own video as viewers see it: a rehearsal ({@code PREVIEW}) shows as {@code IDLE},
     * and {@code playbackUrl} is set only while {@code LIVE}.
     */
    @Schema(name = "SaleVideo")
    public record Video(
            VideoStatus status,
            @Schema(nullable = true, description = "The HLS playlist (.m3u8); only while LIVE") String playbackUrl,
            @Schema(nullable = true, description = "When the current publish began; only while LIVE")
                    Instant startedAt) {

        /** What a sale shows when no media engine tells it otherwise. */
        public static Video unavailable(SaleStatus sale) {
            return new Video(sale.isClosed() ? VideoStatus.ENDED : VideoStatus.UNAVAILABLE, null, null);
        }
    }

    public record SaleItemView(
            UUID id,
            UUID productId,
            UUID cooperativeId,
            String name,
            long salePriceMinor,
            String currency,
            int quantity,
            int remaining,
            int perCustomerLimit) {

        SaleItemView named(String newName) {
            return new SaleItemView(
                    id,
                    productId,
                    cooperativeId,
                    newName,
                    salePriceMinor,
                    currency,
                    quantity,
                    remaining,
                    perCustomerLimit);
        }
    }

    /** A translation of the title; the items' names come from their products' translations. */
    public record TranslateSale(@NotBlank @Size(max = 200) String title) {}

    public record SaleTranslation(String lang, String title, Instant updatedAt) {

        public static SaleTranslation of(Translation t) {
            return new SaleTranslation(t.lang(), t.fields().get("title"), t.updatedAt());
        }
    }

    /** The editor's list: the source language and every translation of the title. */
    public record SaleTranslations(UUID saleId, String sourceLang, List<SaleTranslation> translations) {}

    /** The shape of a page of sales, for the OpenAPI document ({@code Page<SaleView>}). */
    public record SalePage(List<SaleView> items, int page, int size, long total) {}
}
