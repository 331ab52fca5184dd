package org.originlive.order;

import io.smallrye.mutiny.Uni;
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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.originlive.common.Caller;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.Role;
import org.originlive.ratelimit.RateLimited;
import org.originlive.ratelimit.Route;

@Path("/api")
@Tag(name = "Orders")
public class OrderResource {

    private final CheckoutService checkout;
    private final OrderService orders;
    private final JsonWebToken jwt;

    OrderResource(CheckoutService checkout, OrderService orders, JsonWebToken jwt) {
        this.checkout = checkout;
        this.orders = orders;
        this.jwt = jwt;
    }

    @POST
    @Path("/sales/{id}/orders")
    @RolesAllowed(Role.CONSUMER_NAME)
    @RateLimited(Route.CHECKOUT)
    @Operation(summary = "Reserve sale items; the same Idempotency-Key returns the same order")
    public Uni<Response> orderFromSale(
            UUID id, @HeaderParam("Idempotency-Key") String key, @Valid @NotNull OrderApi.SaleOrderRequest request) {
        return checkout.fromSale(Caller.of(jwt), id, key, request).map(OrderResource::placed);
    }

    @POST
    @Path("/orders")
    @RolesAllowed(Role.CONSUMER_NAME)
    @RateLimited(Route.CHECKOUT)
    @Operation(summary = "Reserve products from storefront stock; the same Idempotency-Key returns the same order")
    public Uni<Response> orderFromStorefront(
            @HeaderParam("Idempotency-Key") String key, @Valid @NotNull OrderApi.StoreOrderRequest request) {
        return checkout.fromStorefront(Caller.of(jwt), key, request).map(OrderResource::placed);
    }

    @GET
    @Path("/orders")
    @RolesAllowed({Role.CONSUMER_NAME, Role.HOST_NAME, Role.COOPERATIVE_NAME, Role.ADMIN_NAME})
    @Operation(summary = "The caller's own orders, newest first")
    public Uni<Page<OrderApi.OrderView>> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return orders.list(Caller.of(jwt), PageRequest.of(page, size));
    }

    @GET
    @Path("/orders/{id}")
    @RolesAllowed({Role.CONSUMER_NAME, Role.HOST_NAME, Role.COOPERATIVE_NAME, Role.ADMIN_NAME})
    @Operation(summary = "One order: its buyer or an admin (404 for anyone else)")
    public Uni<OrderApi.OrderView> get(UUID id) {
        return orders.get(Caller.of(jwt), id);
    }

    @POST
    @Path("/orders/{id}/pay")
    @RolesAllowed(Role.CONSUMER_NAME)
    @Operation(summary = "Pay a RESERVED order (its buyer); paying again returns the same PAID order")
    public Uni<OrderApi.OrderView> pay(UUID id, @Valid @NotNull OrderApi.PayRequest request) {
        return orders.pay(Caller.of(jwt), id, request.method());
    }

    @POST
    @Path("/orders/{id}/cancel")
    @RolesAllowed(Role.CONSUMER_NAME)
    @Operation(summary = "Cancel a RESERVED order, or a PAID one with nothing shipped; stock returns")
    public Uni<OrderApi.OrderView> cancel(UUID id) {
        return orders.cancel(Caller.of(jwt), id);
    }

    private static Response placed(CheckoutService.Placed placed) {
        return Response.status(placed.replayed() ? Response.Status.OK : Response.Status.CREATED)
                .location(URI.create("/api/orders/" + placed.order().id()))
                .header("Idempotent-Replayed", placed.replayed())
                .entity(placed.order())
                .build();
    }
}
