package org.originlive.sale;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.originlive.common.Caller;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.Params;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.common.Role;

@Path("/api")
@Tag(name = "Live sales")
public class SaleResource {

    private final SaleService sales;
    private final JsonWebToken jwt;
    private final CurrentIdentityAssociation identity;

    SaleResource(SaleService sales, JsonWebToken jwt, CurrentIdentityAssociation identity) {
        this.sales = sales;
        this.jwt = jwt;
        this.identity = identity;
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
    @Operation(
            summary = "List sales by start time, optionally by status; hostId (own id, or any for an admin)"
                    + " needs a token")
    public Uni<Page<SaleApi.SaleView>> list(
            @QueryParam("status") String status,
            @QueryParam("hostId") String hostId,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        SaleStatus wanted = Params.enumValue("status", status, SaleStatus.class);
        PageRequest paging = PageRequest.of(page, size);
        if (hostId == null) {
            return sales.list(wanted, paging);
        }
        UUID host = Params.uuid("hostId", hostId);
        // Only a host filter needs the caller; public lists never resolve a token.
        return identity.getDeferredIdentity()
                .map(who -> {
                    if (who.isAnonymous()) {
                        throw new ProblemException(ProblemType.UNAUTHORIZED, "hostId needs a bearer token");
                    }
                    return Caller.of((JsonWebToken) who.getPrincipal());
                })
                .flatMap(caller -> sales.listOfHost(caller, host, wanted, paging));
    }

    @GET
    @Path("/sales/{id}")
    @PermitAll
    @Operation(summary = "One sale with its items and remaining stock")
    public Uni<SaleApi.SaleView> get(UUID id) {
        return sales.get(id);
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
