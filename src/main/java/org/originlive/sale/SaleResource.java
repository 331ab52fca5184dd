package org.originlive.sale;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.originlive.common.PageRequest;
import org.originlive.common.Params;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.common.Role;
import org.originlive.i18n.Lang;
import org.originlive.i18n.Languages;

@Path("/api")
@Tag(name = "Live sales")
public class SaleResource {

    private final SaleQueries sales;
    private final SaleCreation creation;
    private final SaleLifecycle lifecycle;
    private final Languages languages;
    private final Caller caller;
    private final CurrentIdentityAssociation identity;

    SaleResource(
            SaleQueries sales,
            SaleCreation creation,
            SaleLifecycle lifecycle,
            Languages languages,
            Caller caller,
            CurrentIdentityAssociation identity) {
        this.sales = sales;
        this.creation = creation;
        this.lifecycle = lifecycle;
        this.languages = languages;
        this.caller = caller;
        this.identity = identity;
    }

    @POST
    @Path("/sales")
    @RolesAllowed(Role.HOST_NAME)
    @Operation(summary = "Schedule a sale; each item's quantity is taken from product stock")
    @APIResponse(
            responseCode = "201",
            description = "The scheduled sale",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = SaleApi.SaleView.class)))
    @APIResponse(
            responseCode = "409",
            description = "insufficient-stock: a product has less stock than the item's quantity")
    public Uni<Response> create(@Valid @NotNull SaleApi.CreateSale request) {
        return creation.create(caller, request).map(sale -> Response.created(URI.create("/api/sales/" + sale.id()))
                .entity(sale)
                .build());
    }

    @GET
    @Path("/sales")
    @PermitAll
    @Operation(
            summary = "List sales by start time, optionally by status, in the asked-for language; hostId (own id,"
                    + " or any for an admin) needs a token")
    @APIResponse(
            responseCode = "200",
            description = "A page of sales",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = SaleApi.SalePage.class)))
    @APIResponse(responseCode = "401", description = "hostId without a valid token")
    @APIResponse(responseCode = "403", description = "hostId of another host: only an admin may list any host")
    public Uni<RestResponse<Page<SaleApi.SaleView>>> list(
            @QueryParam("status") @Parameter(schema = @Schema(implementation = SaleStatus.class)) String status,
            @QueryParam("hostId") @Parameter(schema = @Schema(implementation = UUID.class)) String hostId,
            @BeanParam PageParams page,
            @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        Lang chosen = languages.choose(lang, acceptLanguage);
        SaleStatus wanted = Params.enumValue("status", status, SaleStatus.class);
        PageRequest paging = page.request();
        Uni<Page<SaleApi.SaleView>> found;
        if (hostId == null) {
            found = sales.list(wanted, paging, chosen);
        } else {
            UUID host = Params.uuid("hostId", hostId);
            // Only a host filter needs the caller; public lists never resolve a token.
            found = identity.getDeferredIdentity()
                    .map(who -> {
                        if (who.isAnonymous()) {
                            throw new ProblemException(ProblemType.UNAUTHORIZED, "hostId needs a bearer token");
                        }
                        return Caller.ofIdentity(who);
                    })
                    .flatMap(asker -> sales.listOfHost(asker, host, wanted, paging, chosen));
        }
        return found.map(p -> Languages.served(p, chosen, p.items().stream().map(SaleApi.SaleView::lang)));
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
    @APIResponse(
            responseCode = "200",
            description = "The sale",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = SaleApi.SaleView.class)))
    @APIResponse(responseCode = "409", description = "illegal-transition")
    public Uni<SaleApi.SaleView> start(UUID id) {
        return lifecycle.change(caller, id, SaleStatus.LIVE);
    }

    @POST
    @Path("/sales/{id}/end")
    @RolesAllowed({Role.HOST_NAME, Role.ADMIN_NAME})
    @Operation(summary = "End the sale (LIVE → ENDED); unsold stock returns to the products")
    @APIResponse(
            responseCode = "200",
            description = "The sale",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = SaleApi.SaleView.class)))
    @APIResponse(responseCode = "409", description = "illegal-transition")
    public Uni<SaleApi.SaleView> end(UUID id) {
        return lifecycle.change(caller, id, SaleStatus.ENDED);
    }

    @POST
    @Path("/sales/{id}/cancel")
    @RolesAllowed({Role.HOST_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Cancel (SCHEDULED or LIVE → CANCELLED); unsold stock returns to the products")
    @APIResponse(
            responseCode = "200",
            description = "The sale",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = SaleApi.SaleView.class)))
    @APIResponse(responseCode = "409", description = "illegal-transition")
    public Uni<SaleApi.SaleView> cancel(UUID id) {
        return lifecycle.change(caller, id, SaleStatus.CANCELLED);
    }

    @POST
    @Path("/sales/{id}/pin")
    @RolesAllowed(Role.HOST_NAME)
    @Operation(summary = "Feature one item of the sale (its host only)")
    @APIResponse(
            responseCode = "200",
            description = "The sale",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = SaleApi.SaleView.class)))
    @APIResponse(responseCode = "409", description = "illegal-transition: the sale is over")
    public Uni<SaleApi.SaleView> pin(UUID id, @Valid @NotNull SaleApi.PinRequest request) {
        return lifecycle.pin(caller, id, request.itemId());
    }
}
