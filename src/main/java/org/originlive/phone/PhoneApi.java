package org.originlive.phone;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON shapes of alert phones, PINs and the SMS history. */
public final class PhoneApi {

    /** E.164: a plus, then up to 15 digits, no leading zero. */
    static final String E164 = "^\\+[1-9][0-9]{7,14}$";

    private PhoneApi() {}

    public record AlertsRequest(
            @NotNull @Size(max = 5)
                    List<@NotNull @Pattern(regexp = E164, message = "must be E.164, e.g. +250788123456") String> phones,
            @NotBlank @Schema(enumeration = {"en", "fr", "rw", "am"}) String language) {}

    public record AlertPhone(String phone, boolean confirmed, boolean pinSet) {}

    public record Alerts(List<AlertPhone> phones, @Schema(nullable = true) String language) {}

    public record VerifyRequest(
            @NotNull @Pattern(regexp = E164) String phone, @NotNull @Pattern(regexp = "^[0-9]{6}$") String code) {}

    public record PinRequest(
            @NotNull @Pattern(regexp = E164) String phone,
            @NotNull @Pattern(regexp = "^[0-9]{4,6}$", message = "must be 4 to 6 digits") String pin) {}

    /** One SMS as the history shows it; a verification code is never shown. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sms(
            UUID id,
            String phone,
            @Schema(enumeration = {"CODE", "NEW_ORDER", "REMINDER"}) String kind,
            UUID fulfillmentId,
            String message,
            @Schema(enumeration = {"QUEUED", "SENDING", "SENT", "RETRY", "FAILED", "UNKNOWN"}) String status,
            int attempts,
            String lastError,
            String providerMessageId,
            String cost,
            String deliveryStatus,
            String deliveryReason,
            Instant reportedAt,
            Instant createdAt) {}

    /** A fulfilment still NEW past the admins' alert. */
    public record Overdue(
            UUID fulfillmentId, UUID cooperativeId, String shortCode, Instant openedAt, Instant escalatedAt) {}
}
