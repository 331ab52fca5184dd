package org.originlive.catalog;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/storefronts")
@Tag(name = "Cooperatives")
public class StorefrontResource {

    private final ProductService products;

    StorefrontResource(ProductService products) {
        this.products = products;
    }

    @GET
    @Path("/{slug}")
    @PermitAll
    @Operation(summary = "A cooperative and its active products")
    @Parameter(
            name = "slug",
            in = ParameterIn.PATH,
            required = true,
            schema = @Schema(pattern = "[a-z0-9-]{3,60}", maxLength = 60))
    public Uni<StorefrontApi> storefront(String slug) {
        return products.storefront(slug);
    }
}
