package org.originlive.sale;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.originlive.common.Caller;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.Params;
import org.originlive.common.Role;
import org.originlive.i18n.Lang;
import org.originlive.i18n.Languages;

@Path("/api")
@Tag(name = "Live sales")
public class SaleResource {

    private final SaleService sales;
    private final Languages languages;
    private final JsonWebToken jwt;

    SaleResource(SaleService sales, Languages languages, JsonWebToken jwt) {
        this.sales = sales;
        this.languages = languages;
        this.jwt = jwt;
    }

    @POST
    @Path("/sales")
    @RolesAllowed(Role.HOST_NAME)
    @Operation(summary = "Schedule a sale; each item's quantity is taken from product stock")
    public Uni<Response> create(@Valid @NotNull SaleApi.CreateSale request) {
        return sales.create(Caller.of(jwt), request).map(sale -> Response.created(URI.create("/api/sales/" + sale.id()))
                .entity(sale)
                .build());
    }

    @GET
    @Path("/sales")
    @PermitAll
    @Operation(summary = "List sales, optionally by status, by start time")
    public Uni<RestResponse<Page<SaleApi.SaleView>>> list(
            @QueryParam("status") String status,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        Lang chosen = languages.choose(lang, acceptLanguage);
        return sales.list(Params.enumValue("status", status, SaleStatus.class), PageRequest.of(page, size), chosen)
                .map(p -> Languages.served(p, chosen, p.items().stream().map(SaleApi.SaleView::lang)));
    }

    @GET
    @Path("/sales/{id}")
    @PermitAll
    @Operation(summary = "One sale with its items and remaining stock")
    public Uni<RestResponse<SaleApi.SaleView>> get(
            UUID id, @QueryParam("lang") String lang, @HeaderParam("Accept-Language") String acceptLanguage) {
        Lang chosen = languages.choose(lang, acceptLanguage);
        return sales.get(id, chosen).map(s -> Languages.served(s, chosen, Stream.of(s.lang())));
    }

    @POST
    @Path("/sales/{id}/start")
    @RolesAllowed({Role.HOST_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Go live now (SCHEDULED → LIVE)")
    public Uni<SaleApi.SaleView> start(UUID id) {
        return sales.change(Caller.of(jwt), id, SaleStatus.LIVE);
    }

    @POST
    @Path("/sales/{id}/end")
    @RolesAllowed({Role.HOST_NAME, Role.ADMIN_NAME})
    @Operation(summary = "End the sale (LIVE → ENDED); unsold stock returns to the products")
    public Uni<SaleApi.SaleView> end(UUID id) {
        return sales.change(Caller.of(jwt), id, SaleStatus.ENDED);
    }

    @POST
    @Path("/sales/{id}/cancel")
    @RolesAllowed({Role.HOST_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Cancel (SCHEDULED or LIVE → CANCELLED); unsold stock returns to the products")
    public Uni<SaleApi.SaleView> cancel(UUID id) {
        return sales.change(Caller.of(jwt), id, SaleStatus.CANCELLED);
    }

    @POST
    @Path("/sales/{id}/pin")
    @RolesAllowed(Role.HOST_NAME)
    @Operation(summary = "Feature one item of the sale (its host only)")
    public Uni<SaleApi.SaleView> pin(UUID id, @Valid @NotNull SaleApi.PinRequest request) {
        return sales.pin(Caller.of(jwt), id, request.itemId());
    }
}
