package org.originlive.push;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON shapes of push subscriptions and the VAPID public key. */
public final class PushApi {

    static final int MAX_ENDPOINT = 2048;

    /** 9999-12-31T23:59:59.999Z in epoch milliseconds. */
    static final long MAX_TIME = 253_402_300_799_999L;

    private PushApi() {}

    /** A browser's {@code PushSubscription.toJSON()}. */
    public record SubscriptionRequest(
            @NotBlank @Size(max = MAX_ENDPOINT) @Schema(description = "The push service's https URL for this browser")
                    String endpoint,
            @Schema(nullable = true, description = "When the browser will drop the subscription, epoch milliseconds")
                    @Min(0)
                    @Max(MAX_TIME)
                    Long expirationTime,
            @NotNull @Valid Keys keys) {}

    /** The browser's keys, base64url: its P-256 public key (65 bytes) and auth secret (16 bytes). */
    public record Keys(
            @NotNull @Size(min = 86, max = 88) @Pattern(regexp = "^[A-Za-z0-9_-]+=*$") String p256dh,
            @NotNull @Size(min = 22, max = 24) @Pattern(regexp = "^[A-Za-z0-9_-]+=*$") String auth) {}

    /** A registered browser as its owner sees it. */
    public record Subscription(
            UUID id,
            String endpoint,
            @Schema(nullable = true) Instant expirationTime,
            @Schema(nullable = true, description = "Set when deliveries stopped (the address was refused)")
                    Instant disabledAt,
            Instant createdAt) {}

    /** The page's {@code applicationServerKey}. */
    public record VapidKey(
            @Schema(description = "base64url of the 65-byte uncompressed P-256 point") String publicKey) {}
}
