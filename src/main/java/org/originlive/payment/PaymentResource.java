package org.originlive.payment;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.originlive.common.Caller;
import org.originlive.common.Role;

@Path("/api")
@Tag(name = "Payments")
public class PaymentResource {

    private static final String SVG = "image/svg+xml";

    private final PaymentService payments;
    private final PaymentSettlement settlement;
    private final PaymentQr codes;
    private final Caller caller;

    PaymentResource(PaymentService payments, PaymentSettlement settlement, PaymentQr codes, Caller caller) {
        this.payments = payments;
        this.settlement = settlement;
        this.codes = codes;
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

    @GET
    @Path("/orders/{id}/payments/{paymentId}/qr.svg")
    @RolesAllowed(Role.CONSUMER_NAME)
    @Produces(SVG)
    @Operation(summary = "The QR code to scan for the buyer's PENDING payment with a code (NATIVE), as an SVG image")
    @APIResponse(
            responseCode = "200",
            description = "The payment's codeUrl as a QR code; not cached (the code is the buyer's)",
            content = @Content(mediaType = SVG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "404",
            description = "No such order of the caller's or payment of it, or the payment has no code to scan"
                    + " (another channel, or no longer PENDING)")
    public Uni<Response> qr(UUID id, UUID paymentId) {
        return codes.svg(caller, id, paymentId).map(svg -> Response.ok(svg, SVG)
                .header("Cache-Control", "no-store")
                .build());
    }

    @POST
    @Path("/payments/sandbox/{tradeNo}/pay")
    @RolesAllowed(Role.CONSUMER_NAME)
    @Operation(summary = "The sandbox provider's page: the buyer pays a SANDBOX payment (demo and tests only)")
    @APIResponse(
            responseCode = "204",
            description = "Paid; the order is PAID (or the payment was late and is refunded)")
    public Uni<Void> sandboxPay(
            @PathParam("tradeNo") @Size(max = 32) @Pattern(regexp = "[0-9a-f]{32}") String tradeNo) {
        return settlement.sandboxPaid(caller, tradeNo);
    }
}
