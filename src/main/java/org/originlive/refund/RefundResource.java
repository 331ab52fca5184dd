package org.originlive.refund;

import io.smallrye.mutiny.Uni;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.originlive.common.Caller;
import org.originlive.common.Page;
import org.originlive.common.PageParams;
import org.originlive.common.Params;
import org.originlive.common.Role;
import org.originlive.fulfillment.FulfillmentApi;
import org.originlive.openapi.IdempotentCreate;

@Path("/api")
@Tag(name = "Refunds")
public class RefundResource {

    private final RefundService refunds;
    private final RefundCancellation cancellations;
    private final Caller caller;

    RefundResource(RefundService refunds, RefundCancellation cancellations, Caller caller) {
        this.refunds = refunds;
        this.cancellations = cancellations;
        this.caller = caller;
    }

    @POST
    @Path("/orders/{id}/refunds")
    @RolesAllowed(Role.CONSUMER_NAME)
    @Operation(
            summary = "Ask for a refund of lines of one fulfilment: at once before shipping, decided by the"
                    + " cooperative after delivery; the same Idempotency-Key returns the same refund")
    @IdempotentCreate(
            value = RefundApi.RefundView.class,
            created = "The refund: SUCCEEDED before shipping, REQUESTED after delivery",
            replayed = "The same key and body again: the refund made the first time")
    @APIResponse(responseCode = "409", description = "order-not-refundable, refund-in-transit or illegal-transition")
    public Uni<Response> request(
            UUID id, @HeaderParam("Idempotency-Key") String key, @Valid @NotNull RefundApi.RefundRequest body) {
        return refunds.request(caller, id, key, body)
                .map(placed -> Response.status(placed.replayed() ? Response.Status.OK : Response.Status.CREATED)
                        .location(URI.create("/api/refunds/" + placed.refund().id()))
                        .header("Idempotent-Replayed", placed.replayed())
                        .entity(placed.refund())
                        .build());
    }

    @GET
    @Path("/orders/{id}/refunds")
    @RolesAllowed({Role.CONSUMER_NAME, Role.COOPERATIVE_NAME, Role.ADMIN_NAME})
    @Operation(summary = "The order's refunds (a cooperative sees those of its own fulfilment)")
    public Uni<RefundApi.RefundList> ofOrder(UUID id) {
        return refunds.ofOrder(caller, id);
    }

    @GET
    @Path("/refunds/{id}")
    @RolesAllowed({Role.CONSUMER_NAME, Role.COOPERATIVE_NAME, Role.ADMIN_NAME})
    @Operation(summary = "One refund, for its buyer, its cooperative or an admin")
    public Uni<RefundApi.RefundView> get(UUID id) {
        return refunds.get(caller, id);
    }

    @POST
    @Path("/refunds/{id}/approve")
    @RolesAllowed({Role.COOPERATIVE_NAME, Role.ADMIN_NAME})
    @Operation(summary = "REQUESTED → SUCCEEDED: the money goes back to the buyer (no restock)")
    @APIResponse(responseCode = "409", description = "refund-not-requested: decided already")
    @APIResponse(
            responseCode = "200",
            description = "The refund, SUCCEEDED",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = RefundApi.RefundView.class)))
    public Uni<RefundApi.RefundView> approve(UUID id) {
        return refunds.approve(caller, id);
    }

    @POST
    @Path("/refunds/{id}/reject")
    @RolesAllowed({Role.COOPERATIVE_NAME, Role.ADMIN_NAME})
    @Operation(summary = "REQUESTED → REJECTED with a reason")
    @APIResponse(responseCode = "409", description = "refund-not-requested: decided already")
    @APIResponse(
            responseCode = "200",
            description = "The refund, REJECTED",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = RefundApi.RefundView.class)))
    public Uni<RefundApi.RefundView> reject(UUID id, @Valid @NotNull RefundApi.ReasonRequest body) {
        return refunds.reject(caller, id, body.reason());
    }

    @GET
    @Path("/cooperatives/{id}/refunds")
    @RolesAllowed({Role.COOPERATIVE_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Refunds of the cooperative's fulfilments, newest first")
    public Uni<Page<RefundApi.RefundView>> ofCooperative(
            UUID id,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = RefundStatus.class)) String status,
            @BeanParam PageParams paging) {
        return refunds.ofCooperative(
                caller, id, Params.enumValue("status", status, RefundStatus.class), paging.request());
    }

    @POST
    @Path("/fulfillments/{id}/cancel")
    @RolesAllowed({Role.COOPERATIVE_NAME, Role.ADMIN_NAME})
    @Operation(
            summary = "The cooperative cannot ship: NEW or ACCEPTED → CANCELLED, what is left refunded and restocked")
    @APIResponse(responseCode = "409", description = "illegal-transition: shipped, delivered or cancelled already")
    @APIResponse(
            responseCode = "200",
            description = "The fulfilment, CANCELLED",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = FulfillmentApi.FulfillmentView.class)))
    public Uni<FulfillmentApi.FulfillmentView> cancelFulfillment(
            UUID id, @Valid @NotNull RefundApi.ReasonRequest body) {
        return cancellations.cancelFulfillment(caller, id, body.reason());
    }
}
