package org.originlive.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.UUID;
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
            @NotNull @PositiveOrZero Integer stock) {}

    /** Absent (or null) fields stay as they are. */
    public record PatchProduct(
            @Size(min = 1, max = 200) String name,
            @MultiLine @Size(max = 10_000) String description,
            @Size(min = 1, max = 50) String unit,
            @PositiveOrZero Long priceMinor,
            @PositiveOrZero Integer stock,
            ProductStatus status) {}

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
            ProductStatus status) {

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
                    p.status);
        }
    }
}
