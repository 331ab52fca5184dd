package org.originlive.checkout;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.originlive.common.Caller;
import org.originlive.common.Role;
import org.originlive.openapi.IdempotentCreate;
import org.originlive.order.OrderApi;
import org.originlive.ratelimit.RateLimited;
import org.originlive.ratelimit.Route;

@Path("/api")
@Tag(name = "Orders")
public class CheckoutResource {

    private final CheckoutService checkout;
    private final Caller caller;

    CheckoutResource(CheckoutService checkout, Caller caller) {
        this.checkout = checkout;
        this.caller = caller;
    }

    @POST
    @Path("/sales/{id}/orders")
    @RolesAllowed(Role.CONSUMER_NAME)
    @RateLimited(Route.CHECKOUT)
    @Operation(summary = "Reserve sale items; the same Idempotency-Key returns the same order")
    @IdempotentCreate(
            value = OrderApi.OrderView.class,
            created = "The order, RESERVED",
            replayed = "The same order: a repeat with the same Idempotency-Key and body")
    @APIResponse(responseCode = "409", description = "sold-out, sale-not-live or insufficient-stock")
    @APIResponse(responseCode = "429", description = "Too many checkouts by this account")
    public Uni<Response> orderFromSale(
            UUID id,
            @HeaderParam("Idempotency-Key") @Parameter(required = true, schema = @Schema(minLength = 1, maxLength = 64))
                    String key,
            @Valid @NotNull CheckoutApi.SaleOrderRequest request) {
        return checkout.fromSale(caller.id(), id, key, request).map(CheckoutResource::placed);
    }

    @POST
    @Path("/orders")
    @RolesAllowed(Role.CONSUMER_NAME)
    @RateLimited(Route.CHECKOUT)
    @Operation(summary = "Reserve products from storefront stock; the same Idempotency-Key returns the same order")
    @IdempotentCreate(
            value = OrderApi.OrderView.class,
            created = "The order, RESERVED",
            replayed = "The same order: a repeat with the same Idempotency-Key and body")
    @APIResponse(responseCode = "409", description = "sold-out, sale-not-live or insufficient-stock")
    @APIResponse(responseCode = "429", description = "Too many checkouts by this account")
    public Uni<Response> orderFromStorefront(
            @HeaderParam("Idempotency-Key") @Parameter(required = true, schema = @Schema(minLength = 1, maxLength = 64))
                    String key,
            @Valid @NotNull CheckoutApi.StoreOrderRequest request) {
        return checkout.fromStorefront(caller.id(), key, request).map(CheckoutResource::placed);
    }

    private static Response placed(CheckoutService.Placed placed) {
        return Response.status(placed.replayed() ? Response.Status.OK : Response.Status.CREATED)
                .location(URI.create("/api/orders/" + placed.order().id()))
                .header("Idempotent-Replayed", placed.replayed())
                .entity(placed.order())
                .build();
    }
}
