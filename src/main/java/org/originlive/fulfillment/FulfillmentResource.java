package org.originlive.fulfillment;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
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

@Path("/api")
@Tag(name = "Fulfilment (cooperatives)")
@RolesAllowed({Role.COOPERATIVE_NAME, Role.ADMIN_NAME})
public class FulfillmentResource {

    private final FulfillmentService fulfillments;
    private final Caller caller;

    FulfillmentResource(FulfillmentService fulfillments, Caller caller) {
        this.fulfillments = fulfillments;
        this.caller = caller;
    }

    @GET
    @Path("/cooperatives/{id}/fulfillments")
    @Operation(summary = "The cooperative's fulfilments of paid orders, newest first")
    public Uni<Page<FulfillmentApi.FulfillmentView>> list(
            UUID id,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = FulfillmentStatus.class)) String status,
            @BeanParam PageParams paging) {
        return fulfillments.list(
                caller, id, Params.enumValue("status", status, FulfillmentStatus.class), paging.request());
    }

    @GET
    @Path("/cooperatives/{id}/earnings")
    @Operation(summary = "Gross, platform fee and net per currency, cancelled fulfilments excluded")
    public Uni<FulfillmentApi.EarningsList> earnings(UUID id) {
        return fulfillments.earnings(caller, id);
    }

    @POST
    @Path("/fulfillments/{id}/accept")
    @Operation(summary = "NEW → ACCEPTED")
    @APIResponse(
            responseCode = "200",
            description = "The fulfilment",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = FulfillmentApi.FulfillmentView.class)))
    @APIResponse(responseCode = "409", description = "illegal-transition")
    public Uni<FulfillmentApi.FulfillmentView> accept(UUID id) {
        return fulfillments.move(caller, id, FulfillmentStatus.ACCEPTED, null);
    }

    @POST
    @Path("/fulfillments/{id}/ship")
    @Operation(summary = "ACCEPTED → SHIPPED with carrier and tracking number")
    @APIResponse(
            responseCode = "200",
            description = "The fulfilment",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = FulfillmentApi.FulfillmentView.class)))
    @APIResponse(responseCode = "409", description = "illegal-transition")
    public Uni<FulfillmentApi.FulfillmentView> ship(UUID id, @Valid @NotNull FulfillmentApi.ShipRequest shipment) {
        return fulfillments.move(caller, id, FulfillmentStatus.SHIPPED, shipment);
    }

    @POST
    @Path("/fulfillments/{id}/deliver")
    @Operation(summary = "SHIPPED → DELIVERED")
    @APIResponse(
            responseCode = "200",
            description = "The fulfilment",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = FulfillmentApi.FulfillmentView.class)))
    @APIResponse(responseCode = "409", description = "illegal-transition")
    public Uni<FulfillmentApi.FulfillmentView> deliver(UUID id) {
        return fulfillments.move(caller, id, FulfillmentStatus.DELIVERED, null);
    }
}
