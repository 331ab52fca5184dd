package org.originlive.cooperative;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.originlive.common.MultiLine;

/** The JSON shapes of cooperatives. */
public final class CooperativeApi {

    private CooperativeApi() {}

    public record CreateCooperative(
            @NotNull @Pattern(regexp = "[a-z0-9-]{3,60}", message = "must be 3-60 of a-z, 0-9 and -") String slug,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
            @NotBlank @Size(max = 200) String region,
            @NotBlank @MultiLine @Size(max = 10_000) String story,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String payoutCurrency) {}

    public record CooperativeView(
            UUID id, String slug, String name, String country, String region, String story, String payoutCurrency) {

        public static CooperativeView of(Cooperative c) {
            return new CooperativeView(c.id, c.slug, c.name, c.country, c.region, c.story, c.payoutCurrency);
        }
    }
}
