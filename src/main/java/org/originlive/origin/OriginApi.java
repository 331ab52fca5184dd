package org.originlive.origin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON shapes of producers, plots, lots, traces and impact reports. */
public final class OriginApi {

    private OriginApi() {}

    public record CreateProducer(
            @NotNull
                    @Pattern(
                            regexp = "[A-Za-z0-9][A-Za-z0-9._/-]{0,39}",
                            message = "must be 1-40 of A-Z, a-z, 0-9, . _ / -")
                    String memberCode,
            @NotBlank @Size(max = 200) String displayName,
            @NotNull Boolean publicConsent,
            @Schema(description = "Where the member farms; the cooperative's region when absent") @Size(max = 200)
                    String region) {}

    public record Producer(
            UUID id, UUID cooperativeId, String memberCode, String displayName, boolean publicConsent, String region) {}

    public record CreatePlot(
            @NotNull
                    @DecimalMin(value = "0", inclusive = false)
                    @DecimalMax("1000000")
                    @Digits(integer = 7, fraction = 4)
                    BigDecimal areaHa,
            @NotNull @Schema(description = "GeoJSON (RFC 7946) Point or Polygon, WGS 84 [lon, lat]")
                    JsonNode geometry) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Plot(
            UUID id,
            UUID producerId,
            BigDecimal areaHa,
            JsonNode geometry,
            @Schema(description = "The polygon's area on the WGS 84 ellipsoid; absent for a point")
                    BigDecimal computedAreaHa,
            @Schema(description = "[minLon, minLat, maxLon, maxLat]") List<Double> bbox,
            Instant createdAt) {}

    public record CreateLot(
            @NotNull UUID productId,
            @NotNull
                    @Pattern(
                            regexp = "[A-Za-z0-9][A-Za-z0-9._/-]{0,59}",
                            message = "must be 1-60 of A-Z, a-z, 0-9, . _ / -")
                    String lotCode,
            @Size(max = 200) String process,
            @NotNull LocalDate harvestFrom,
            @NotNull LocalDate harvestTo,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 9, fraction = 3)
                    BigDecimal quantityKg,
            @NotNull @Size(max = 20) List<@NotBlank @Size(max = 60) String> certifications,
            @NotNull @Size(min = 1, max = 500) List<@Valid @NotNull LotInput> inputs) {}

    public record LotInput(
            @NotNull UUID producerId,
            @Schema(nullable = true) UUID plotId,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 9, fraction = 3) BigDecimal kg,
            @NotNull @Min(0) Long farmgatePaidMinor,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency) {}

    /** The whole lot, for its cooperative and ADMIN. */
    public record Lot(
            UUID id,
            UUID cooperativeId,
            UUID productId,
            String lotCode,
            String process,
            LocalDate harvestFrom,
            LocalDate harvestTo,
            BigDecimal quantityKg,
            List<String> certifications,
            List<LotInput> inputs,
            Instant createdAt) {}

    /** What anyone may see of a lot: counts and regions, consenting names only, never a plot's shape. */
    public record PublicLot(
            UUID id,
            UUID cooperativeId,
            UUID productId,
            String lotCode,
            String process,
            LocalDate harvestFrom,
            LocalDate harvestTo,
            BigDecimal quantityKg,
            List<String> certifications,
            long producers,
            long plots,
            BigDecimal hectares,
            List<String> regions,
            List<String> producerNames) {}

    public record AssignLots(@NotNull @Size(min = 1, max = 100) List<@Valid @NotNull LineLot> lines) {}

    public record LineLot(@NotNull UUID lineId, @NotNull UUID lotId) {}

    public record Assignments(UUID fulfillmentId, List<LineLot> lines) {}

    public record TraceCooperative(UUID id, String name, String country, String region) {}

    public record TraceLine(
            UUID lineId, String name, TraceCooperative cooperative, @Schema(nullable = true) PublicLot lot) {}

    public record Trace(UUID orderId, List<TraceLine> lines) {}

    public record ImpactCooperative(
            UUID cooperativeId,
            String name,
            String country,
            long unitsSold,
            long netMinor,
            long producers,
            BigDecimal hectares) {}

    public record Impact(
            UUID saleId,
            String currency,
            long unitsSold,
            long grossMinor,
            long feeMinor,
            long netToCooperativesMinor,
            long refundedMinor,
            List<ImpactCooperative> cooperatives) {}
}
