package org.originlive.order;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.originlive.common.Caller;
import org.originlive.common.Page;
import org.originlive.common.PageParams;
import org.originlive.common.Role;

@Path("/api")
@Tag(name = "Orders")
public class OrderResource {

    private final OrderService orders;
    private final Caller caller;

    OrderResource(OrderService orders, Caller caller) {
        this.orders = orders;
        this.caller = caller;
    }

    @GET
    @Path("/orders")
    @RolesAllowed({Role.CONSUMER_NAME, Role.HOST_NAME, Role.COOPERATIVE_NAME, Role.ADMIN_NAME})
    @Operation(summary = "The caller's own orders, newest first")
    public Uni<Page<OrderApi.OrderView>> list(@BeanParam PageParams paging) {
        return orders.list(caller, paging.request());
    }

    @GET
    @Path("/orders/{id}")
    @RolesAllowed({Role.CONSUMER_NAME, Role.HOST_NAME, Role.COOPERATIVE_NAME, Role.ADMIN_NAME})
    @Operation(summary = "One order: its buyer or an admin (404 for anyone else)")
    public Uni<OrderApi.OrderView> get(UUID id) {
        return orders.get(caller, id);
    }

    @POST
    @Path("/orders/{id}/pay")
    @RolesAllowed(Role.CONSUMER_NAME)
    @Operation(summary = "Pay a RESERVED order (its buyer); paying again returns the same PAID order")
    @APIResponse(
            responseCode = "200",
            description = "The order, PAID",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = OrderApi.OrderView.class)))
    @APIResponse(responseCode = "409", description = "order-not-payable")
    public Uni<OrderApi.OrderView> pay(UUID id, @Valid @NotNull OrderApi.PayRequest request) {
        return orders.pay(caller, id, request.method());
    }

    @POST
    @Path("/orders/{id}/cancel")
    @RolesAllowed(Role.CONSUMER_NAME)
    @Operation(summary = "Cancel a RESERVED order, or a PAID one with nothing shipped; stock returns")
    @APIResponse(
            responseCode = "200",
            description = "The order, CANCELLED",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = OrderApi.OrderView.class)))
    @APIResponse(responseCode = "409", description = "order-not-cancellable")
    public Uni<OrderApi.OrderView> cancel(UUID id) {
        return orders.cancel(caller, id);
    }
}
