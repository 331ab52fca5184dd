package org.originlive.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.originlive.common.MultiLine;
import org.originlive.i18n.Translation;

/** The JSON shapes of products. */
public final class ProductApi {

    private ProductApi() {}

    public record CreateProduct(
            @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be 1-64 of A-Z, a-z, 0-9, '.', '_', '-'")
                    String sku,
            @NotBlank @Size(max = 200) String name,
            @NotNull @MultiLine @Size(max = 10_000) String description,
            @NotBlank @Size(max = 50) String unit,
            @NotNull @PositiveOrZero Long priceMinor,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
            @NotNull @PositiveOrZero Integer stock,
            @Size(max = 35) String sourceLang,
            @Schema(nullable = true, maxLength = ImageUrls.MAX_LENGTH, format = "uri") @Size(max = ImageUrls.MAX_LENGTH)
                    String imageUrl) {}

    /** Absent (or null) fields stay as they are; {@code imageUrl: null} removes the photo. */
    public record PatchProduct(
            @Size(min = 1, max = 200) String name,
            @MultiLine @Size(max = 10_000) String description,
            @Size(min = 1, max = 50) String unit,
            @PositiveOrZero Long priceMinor,
            @PositiveOrZero Integer stock,
            ProductStatus status,
            // Absent stays null, JSON null arrives as NullNode: the one field a PATCH can clear.
            @Schema(implementation = String.class, nullable = true, maxLength = ImageUrls.MAX_LENGTH, format = "uri")
                    JsonNode imageUrl) {}

    public record ProductView(
            UUID id,
            UUID cooperativeId,
            String sku,
            String name,
            String description,
            String unit,
            long priceMinor,
            String currency,
            int stock,
            ProductStatus status,
            @Schema(nullable = true, format = "uri") String imageUrl,
            String sourceLang,
            String lang) {

        /** The product in its source language. */
        public static ProductView of(Product p) {
            return of(p, null);
        }

        /** The product with the translation's fields, each falling back to the source text. */
        public static ProductView of(Product p, Translation t) {
            return new ProductView(
                    p.id,
                    p.cooperativeId,
                    p.sku,
                    Translation.field(t, "name", p.name),
                    Translation.field(t, "description", p.description),
                    p.unit,
                    p.priceMinor,
                    p.currency,
                    p.stock,
                    p.status,
                    p.imageUrl,
                    p.sourceLang,
                    Translation.servedIn(t, p.sourceLang));
        }
    }

    /** A translation may carry only some fields; the others are served from the source text. */
    public record TranslateProduct(
            @Size(min = 1, max = 200) String name, @MultiLine @Size(min = 1, max = 10_000) String description) {}

    public record ProductTranslation(
            String lang,
            @Schema(nullable = true) String name,
            @Schema(nullable = true) String description,
            Instant updatedAt) {

        public static ProductTranslation of(Translation t) {
            return new ProductTranslation(
                    t.lang(), t.fields().get("name"), t.fields().get("description"), t.updatedAt());
        }
    }

    /** The editor's list: the source language and every translation. */
    public record ProductTranslations(UUID productId, String sourceLang, List<ProductTranslation> translations) {}
}
