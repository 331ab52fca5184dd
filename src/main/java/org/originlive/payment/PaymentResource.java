package org.originlive.payment;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.originlive.common.Caller;
import org.originlive.common.Role;

@Path("/api")
@Tag(name = "Payments")
public class PaymentResource {

    private final PaymentService payments;
    private final PaymentSettlement settlement;
    private final Caller caller;

    PaymentResource(PaymentService payments, PaymentSettlement settlement, Caller caller) {
        this.payments = payments;
        this.settlement = settlement;
        this.caller = caller;
    }

    @POST
    @Path("/orders/{id}/payments")
    @RolesAllowed(Role.CONSUMER_NAME)
    @Operation(
            summary = "Pay a RESERVED order with WeChat Pay, Alipay or the sandbox: the provider's trade is"
                    + " opened and the action tells the client what to do; the same Idempotency-Key returns the"
                    + " same payment")
    @APIResponse(
            responseCode = "201",
            description = "The payment, PENDING with its action",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = PaymentApi.Payment.class)))
    @APIResponse(
            responseCode = "200",
            description = "The same key and body again: the payment made the first time",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = PaymentApi.Payment.class)))
    @APIResponse(responseCode = "409", description = "order-not-payable, or already-paid (an earlier payment was paid)")
    @APIResponse(responseCode = "422", description = "channel-unsupported, provider-unavailable, payment-refused")
    @APIResponse(responseCode = "503", description = "The provider did not answer; the order stays payable")
    public Uni<Response> open(
            UUID id,
            @HeaderParam("Idempotency-Key") String key,
            @Valid @NotNull PaymentApi.CreatePayment body,
            @Context HttpServerRequest request) {
        String clientIp =
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return payments.open(caller, id, key, body, clientIp)
                .map(opened -> Response.status(opened.replayed() ? Response.Status.OK : Response.Status.CREATED)
                        .header("Idempotent-Replayed", opened.replayed())
                        .entity(opened.payment())
                        .build());
    }

    @GET
    @Path("/orders/{id}/payments")
    @RolesAllowed({Role.CONSUMER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "The order's payments, newest first (pages poll it for the payment's state)")
    public Uni<PaymentApi.PaymentList> ofOrder(UUID id) {
        return payments.ofOrder(caller, id);
    }

    @POST
    @Path("/payments/sandbox/{tradeNo}/pay")
    @RolesAllowed(Role.CONSUMER_NAME)
    @Operation(summary = "The sandbox provider's page: the buyer pays a SANDBOX payment (demo and tests only)")
    @APIResponse(
            responseCode = "204",
            description = "Paid; the order is PAID (or the payment was late and is refunded)")
    public Uni<Void> sandboxPay(String tradeNo) {
        return settlement.sandboxPaid(caller, tradeNo);
    }
}
