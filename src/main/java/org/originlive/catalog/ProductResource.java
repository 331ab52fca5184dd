package org.originlive.catalog;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.originlive.common.Caller;
import org.originlive.common.Page;
import org.originlive.common.PageParams;
import org.originlive.common.Params;
import org.originlive.common.Role;
import org.originlive.i18n.Lang;
import org.originlive.i18n.Languages;

@Path("/api")
@Tag(name = "Products")
public class ProductResource {

    private final ProductService products;
    private final Languages languages;
    private final Caller caller;

    ProductResource(ProductService products, Languages languages, Caller caller) {
        this.products = products;
        this.languages = languages;
        this.caller = caller;
    }

    @POST
    @Path("/cooperatives/{id}/products")
    @RolesAllowed({Role.ADMIN_NAME, Role.COOPERATIVE_NAME})
    @Operation(summary = "Add a product to a cooperative (its staff or an admin)")
    @APIResponse(
            responseCode = "201",
            description = "The new product",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = ProductApi.ProductView.class)))
    @APIResponse(responseCode = "409", description = "sku-taken")
    public Uni<Response> create(UUID id, @Valid @NotNull ProductApi.CreateProduct request) {
        return products.create(caller, id, request).map(p -> Response.created(URI.create("/api/products/" + p.id))
                .entity(ProductApi.ProductView.of(p))
                .build());
    }

    @PATCH
    @Path("/products/{id}")
    @RolesAllowed({Role.ADMIN_NAME, Role.COOPERATIVE_NAME})
    @Operation(summary = "Change name, description, unit, price, stock or status")
    @APIResponse(
            responseCode = "200",
            description = "The changed product",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = ProductApi.ProductView.class)))
    @APIResponse(responseCode = "409", description = "concurrent-update")
    public Uni<ProductApi.ProductView> patch(UUID id, @Valid @NotNull ProductApi.PatchProduct patch) {
        return products.patch(caller, id, patch).map(ProductApi.ProductView::of);
    }

    @GET
    @Path("/products/{id}")
    @PermitAll
    @Operation(summary = "One product, name and description in the asked-for language")
    public Uni<RestResponse<ProductApi.ProductView>> get(
            UUID id, @QueryParam("lang") String lang, @HeaderParam("Accept-Language") String acceptLanguage) {
        Lang chosen = languages.choose(lang, acceptLanguage);
        return products.view(id, chosen).map(p -> Languages.served(p, chosen, Stream.of(p.lang())));
    }

    @GET
    @Path("/products")
    @PermitAll
    @Operation(summary = "Search active products by cooperative and text, served in the asked-for language")
    public Uni<RestResponse<Page<ProductApi.ProductView>>> search(
            @QueryParam("cooperativeId") @Parameter(schema = @Schema(implementation = UUID.class)) String cooperativeId,
            @QueryParam("q") @Size(max = 200) String q,
            @BeanParam PageParams paging,
            @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        Lang chosen = languages.choose(lang, acceptLanguage);
        return products.search(Params.uuid("cooperativeId", cooperativeId), q, paging.request(), chosen)
                .map(p -> Languages.served(p, chosen, p.items().stream().map(ProductApi.ProductView::lang)));
    }
}
