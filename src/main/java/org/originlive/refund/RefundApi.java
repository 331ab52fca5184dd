package org.originlive.refund;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON shapes of refunds. */
public final class RefundApi {

    private RefundApi() {}

    public record LineRequest(@NotNull UUID lineId, @NotNull @Min(1) @Max(1_000_000) Integer quantity) {}

    public record RefundRequest(
            @NotEmpty @Size(max = 100) List<@Valid @NotNull LineRequest> lines,
            @NotBlank @Size(max = 500) String reason) {}

    public record ReasonRequest(@NotBlank @Size(max = 500) String reason) {}

    public record Line(UUID lineId, int quantity) {}

    /** {@code feeReversalMinor} is fixed when the refund succeeds (0 while REQUESTED or REJECTED). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RefundView(
            UUID id,
            UUID orderId,
            UUID fulfillmentId,
            List<Line> lines,
            long amountMinor,
            long feeReversalMinor,
            String currency,
            RefundStatus status,
            String reason,
            String decisionReason,
            Instant createdAt,
            @Schema(description = "The money's way back through the provider the buyer paid with (NONE: the sandbox)")
                    ProviderStatus providerStatus) {}

    public record RefundList(List<RefundView> items) {}
}
