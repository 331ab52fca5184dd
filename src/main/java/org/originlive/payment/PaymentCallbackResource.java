package org.originlive.payment;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Providers' notifications. No bearer token: the provider cannot hold one; each message is
 * verified instead (signature, timestamp, merchant/app id, amount against our record) before
 * anything changes, and answered in the provider's own format.
 */
@Path("/api/payments/callbacks")
@Tag(name = "Payments")
@PermitAll
public class PaymentCallbackResource {

    /** A notification is a few kilobytes; the HTTP layer's body limit applies anyway. */
    private static final int MAX_BODY = 65_536;

    private final PaymentNotices notices;

    PaymentCallbackResource(PaymentNotices notices) {
        this.notices = notices;
    }

    @POST
    @Path("/wechat-pay")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "WeChat Pay's notification (no bearer token: WeChat Pay signs it; verified and decrypted"
                    + " before anything changes)")
    @APIResponse(responseCode = "204", description = "Taken (a repeat changes nothing)")
    @APIResponse(
            responseCode = "400",
            description = "Not a verified WeChat Pay message, answered in WeChat Pay's format",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WechatAnswer.class)))
    public Uni<Response> wechatPay(@Context HttpHeaders headers, @Schema(maxLength = MAX_BODY) String body) {
        return notices.handle(Provider.WECHAT_PAY, headers(headers), body == null ? "" : body)
                .map(this::response);
    }

    @POST
    @Path("/alipay")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Alipay's asynchronous notification (no bearer token: Alipay signs it with RSA2; verified"
                    + " before anything changes)")
    @APIResponse(
            responseCode = "200",
            description = "The body success: taken (a repeat changes nothing)",
            content =
                    @Content(
                            mediaType = "text/plain",
                            schema = @Schema(type = SchemaType.STRING, enumeration = "success")))
    @APIResponse(
            responseCode = "400",
            description = "The body failure: not a verified Alipay message",
            content =
                    @Content(
                            mediaType = "text/plain",
                            schema = @Schema(type = SchemaType.STRING, enumeration = "failure")))
    public Uni<Response> alipay(@Context HttpHeaders headers, @Schema(maxLength = MAX_BODY) String body) {
        return notices.handle(Provider.ALIPAY, headers(headers), body == null ? "" : body)
                .map(this::response);
    }

    /** WeChat Pay's answer format. */
    public record WechatAnswer(String code, String message) {}

    private Response response(PaymentGateway.Answer answer) {
        Response.ResponseBuilder builder = Response.status(answer.status());
        if (answer.body() != null && !answer.body().isEmpty()) {
            builder.type(answer.contentType()).entity(answer.body());
        }
        return builder.build();
    }

    private static Map<String, String> headers(HttpHeaders headers) {
        Map<String, String> map = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                map.put(name.toLowerCase(), values.get(0));
            }
        });
        Log.debugf("Payment notification with %d headers", map.size());
        return map;
    }
}
