package org.originlive.payment;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON of payments (contract v3, "Payments in China"). */
public final class PaymentApi {

    private PaymentApi() {}

    public record CreatePayment(
            @NotNull Provider provider,
            @NotNull Channel channel,
            @Schema(description = "The payer's openid, for WECHAT_PAY JSAPI only") @Size(min = 1, max = 128)
                    String payerOpenId) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Action(
            @Schema(enumeration = {"QR", "REDIRECT", "JSAPI"}) String type,
            String codeUrl,
            String url,
            Map<String, String> params) {

        static Action of(PaymentGateway.Action a) {
            return a == null ? null : new Action(a.type(), a.codeUrl(), a.url(), a.params());
        }
    }

    public record Payment(
            UUID id,
            UUID orderId,
            Provider provider,
            Channel channel,
            PaymentStatus status,
            long amountMinor,
            String currency,
            Instant expiresAt,
            @Schema(nullable = true, description = "What the client does next; null once the payment is over")
                    Action action) {}

    public record PaymentList(List<Payment> items) {}
}
