package org.originlive.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON shapes of webhooks. */
public final class WebhookApi {

    private WebhookApi() {}

    public record EndpointRequest(
            @NotBlank @Size(max = 2000) @Schema(description = "https (port 443) to a public address") String url,
            @NotEmpty
                    @Size(max = 6)
                    @Schema(
                            description = "fulfillment.created, fulfillment.cancelled, refund.requested,"
                                    + " refund.succeeded, payout.succeeded, payout.failed")
                    List<@NotNull @Size(max = 40) String> events) {}

    /** An endpoint as listed: never its secret. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Endpoint(
            UUID id,
            String url,
            List<String> events,
            Instant createdAt,
            @Schema(description = "Until when the secret before the last rotation also signs", nullable = true)
                    Instant previousSecretUntil) {}

    /** An endpoint with its secret: answered only when it is made and when its secret is rotated. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EndpointWithSecret(
            UUID id,
            String url,
            List<String> events,
            Instant createdAt,
            @Schema(nullable = true) Instant previousSecretUntil,
            @Schema(description = "whsec_…: signs every delivery; shown only now") String secret) {}

    public record EndpointList(List<Endpoint> items) {}

    /** One attempt at one delivery (an event to this endpoint). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attempt(
            UUID id,
            UUID deliveryId,
            UUID eventId,
            String eventType,
            int attempt,
            @Schema(description = "DELIVERED (a 2xx) or FAILED") String outcome,
            @Schema(nullable = true) Integer responseCode,
            @Schema(nullable = true) String error,
            int durationMs,
            @Schema(description = "The delivery's state now: QUEUED, SENDING, RETRY, DELIVERED or FAILED")
                    String deliveryStatus,
            @Schema(nullable = true) Instant nextAttemptAt,
            Instant at) {}

    /** A delivery queued again. */
    public record Redelivery(UUID deliveryId, UUID eventId, String status) {}
}
