package org.originlive.payout;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JSON shapes of payouts, destinations and FX rates. */
public final class PayoutApi {

    private PayoutApi() {}

    public record DestinationRequest(
            @NotNull Provider provider,
            @NotBlank @Size(max = 200) String accountName,
            @NotBlank @Size(max = 64) String accountNumber,
            @NotNull @Size(min = 3, max = 3) String currency) {}

    public record Destination(
            UUID cooperativeId,
            Provider provider,
            String accountName,
            String accountNumber,
            String currency,
            Instant updatedAt) {}

    public record FxRateRequest(@NotNull @Size(max = 40) String rate) {}

    public record FxRate(String from, String to, String rate, Instant updatedAt) {}

    public record FxRateList(List<FxRate> items) {}

    /** {@code amountMinor} absent: all that is available in {@code currency}. */
    public record PayoutRequest(@NotNull @Size(min = 3, max = 3) String currency, Long amountMinor) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Payout(
            UUID id,
            UUID cooperativeId,
            long amountMinor,
            String currency,
            long destinationAmountMinor,
            String destinationCurrency,
            String fxRate,
            Provider provider,
            PayoutStatus status,
            String providerReference,
            String providerTransactionId,
            String failureReason,
            Instant createdAt,
            Instant updatedAt) {}

    public record MarkPaidRequest(@NotBlank @Size(max = 100) String reference) {}

    public record MarkFailedRequest(@NotBlank @Size(max = 200) String reason) {}

    /** What a callback did: {@code changed} is false for replays and for answers still pending. */
    public record CallbackAnswer(UUID payoutId, PayoutStatus status, boolean changed) {}
}
