package org.originlive.cooperative;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.originlive.common.MultiLine;
import org.originlive.i18n.Translation;

/** The JSON shapes of cooperatives. */
public final class CooperativeApi {

    private CooperativeApi() {}

    public record CreateCooperative(
            @NotNull @Pattern(regexp = "[a-z0-9-]{3,60}", message = "must be 3-60 of a-z, 0-9 and -") String slug,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
            @NotBlank @Size(max = 200) String region,
            @NotBlank @MultiLine @Size(max = 10_000) String story,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String payoutCurrency,
            @Size(max = 35) String sourceLang) {}

    public record CooperativeView(
            UUID id,
            String slug,
            String name,
            String country,
            String region,
            String story,
            String payoutCurrency,
            String sourceLang,
            String lang) {

        /** The cooperative in its source language. */
        public static CooperativeView of(Cooperative c) {
            return of(c, null);
        }

        /** The cooperative with its story translated, or the source story when there is none. */
        public static CooperativeView of(Cooperative c, Translation t) {
            return new CooperativeView(
                    c.id,
                    c.slug,
                    c.name,
                    c.country,
                    c.region,
                    Translation.field(t, "story", c.story),
                    c.payoutCurrency,
                    c.sourceLang,
                    Translation.servedIn(t, c.sourceLang));
        }
    }

    public record TranslateCooperative(@NotBlank @MultiLine @Size(max = 10_000) String story) {}

    public record CooperativeTranslation(String lang, String story, Instant updatedAt) {

        public static CooperativeTranslation of(Translation t) {
            return new CooperativeTranslation(t.lang(), t.fields().get("story"), t.updatedAt());
        }
    }

    /** The editor's list: the source language and every translation of the story. */
    public record CooperativeTranslations(
            UUID cooperativeId, String sourceLang, List<CooperativeTranslation> translations) {}
}
