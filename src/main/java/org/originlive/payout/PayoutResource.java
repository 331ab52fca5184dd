package org.originlive.payout;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
import org.originlive.openapi.IdempotentCreate;

@Path("/api")
@Tag(name = "Payouts")
@RolesAllowed({Role.COOPERATIVE_NAME, Role.ADMIN_NAME})
public class PayoutResource {

    private final PayoutService payouts;
    private final PayoutSettingsService settings;
    private final Caller caller;

    PayoutResource(PayoutService payouts, PayoutSettingsService settings, Caller caller) {
        this.payouts = payouts;
        this.settings = settings;
        this.caller = caller;
    }

    @PUT
    @Path("/cooperatives/{id}/payout-destination")
    @Operation(summary = "Where the cooperative is paid; mobile money takes an E.164 number")
    public Uni<PayoutApi.Destination> putDestination(
            UUID id, @Valid @NotNull PayoutApi.DestinationRequest destination) {
        return settings.putDestination(caller, id, destination);
    }

    @GET
    @Path("/cooperatives/{id}/payout-destination")
    @Operation(summary = "The cooperative's payout destination (404 when none is set)")
    public Uni<PayoutApi.Destination> destination(UUID id) {
        return settings.destination(caller, id);
    }

    @POST
    @Path("/cooperatives/{id}/payouts")
    @Operation(summary = "Pay out available money (all of it without amountMinor); Idempotency-Key required")
    @IdempotentCreate(
            value = PayoutApi.Payout.class,
            created = "The payout, SUBMITTED",
            replayed = "The same key and body again: the payout made the first time")
    public Uni<Response> request(
            UUID id, @HeaderParam("Idempotency-Key") String key, @Valid @NotNull PayoutApi.PayoutRequest request) {
        return payouts.request(caller, id, key, request).map(requested -> Response.status(
                        requested.replayed() ? Response.Status.OK : Response.Status.CREATED)
                .location(URI.create("/api/payouts/" + requested.payout().id()))
                .header("Idempotent-Replayed", requested.replayed())
                .entity(requested.payout())
                .build());
    }

    @GET
    @Path("/cooperatives/{id}/payouts")
    @Operation(summary = "The cooperative's payouts, newest first")
    public Uni<Page<PayoutApi.Payout>> list(UUID id, @BeanParam PageParams paging) {
        return payouts.list(caller, id, paging.request());
    }

    @GET
    @Path("/payouts/{id}")
    @Operation(summary = "One payout")
    public Uni<PayoutApi.Payout> get(UUID id) {
        return payouts.get(caller, id);
    }

    @POST
    @Path("/payouts/{id}/mark-paid")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "A BANK_MANUAL payout was paid: SUBMITTED → SUCCEEDED")
    @APIResponse(
            responseCode = "200",
            description = "The payout, SUCCEEDED",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = PayoutApi.Payout.class)))
    @APIResponse(responseCode = "409", description = "illegal-transition: not a SUBMITTED BANK_MANUAL payout")
    public Uni<PayoutApi.Payout> markPaid(UUID id, @Valid @NotNull PayoutApi.MarkPaidRequest request) {
        return payouts.mark(caller, id, PayoutStatus.SUCCEEDED, request.reference());
    }

    @POST
    @Path("/payouts/{id}/mark-failed")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "A BANK_MANUAL payout failed: SUBMITTED → FAILED, money back to available")
    @APIResponse(
            responseCode = "200",
            description = "The payout, FAILED",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = PayoutApi.Payout.class)))
    @APIResponse(responseCode = "409", description = "illegal-transition: not a SUBMITTED BANK_MANUAL payout")
    public Uni<PayoutApi.Payout> markFailed(UUID id, @Valid @NotNull PayoutApi.MarkFailedRequest request) {
        return payouts.mark(caller, id, PayoutStatus.FAILED, request.reason());
    }
}
