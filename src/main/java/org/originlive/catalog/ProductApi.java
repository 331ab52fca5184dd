package org.originlive.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.originlive.common.MultiLine;

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
            @Schema(type = SchemaType.STRING, nullable = true, maxLength = ImageUrls.MAX_LENGTH, format = "uri")
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
            String imageUrl) {

        public static ProductView of(Product p) {
            return new ProductView(
                    p.id,
                    p.cooperativeId,
                    p.sku,
                    p.name,
                    p.description,
                    p.unit,
                    p.priceMinor,
                    p.currency,
                    p.stock,
                    p.status,
                    p.imageUrl);
        }
    }
}
