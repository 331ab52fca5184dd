package org.originlive.fulfillment;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.originlive.common.Caller;
import org.originlive.common.Role;

@Path("/api/orders/{orderId}/fulfillments/{id}/received")
@Tag(name = "Orders")
@RolesAllowed(Role.CONSUMER_NAME)
public class ReceiptResource {

    private final FulfillmentService fulfillments;
    private final Caller caller;

    ReceiptResource(FulfillmentService fulfillments, Caller caller) {
        this.fulfillments = fulfillments;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "The buyer confirms a parcel arrived: SHIPPED → DELIVERED (repeating it is harmless)")
    @APIResponse(responseCode = "409", description = "illegal-transition: not shipped yet, or cancelled")
    @APIResponse(
            responseCode = "200",
            description = "The fulfilment, DELIVERED",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = FulfillmentApi.FulfillmentRef.class)))
    public Uni<FulfillmentApi.FulfillmentRef> received(UUID orderId, UUID id) {
        return fulfillments.received(caller, orderId, id);
    }
}
