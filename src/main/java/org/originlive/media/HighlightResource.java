package org.originlive.media;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.originlive.i18n.Languages;

/** A sale's highlight clips (public): one per pin that lasted 5 s or more, once its replay is READY. */
@Path("/api/sales/{id}/highlights")
@Tag(name = "Replays and highlights")
public class HighlightResource {

    private final ReplayService replays;
    private final Languages languages;

    HighlightResource(ReplayService replays, Languages languages) {
        this.replays = replays;
        this.languages = languages;
    }

    @GET
    @PermitAll
    @Operation(summary = "The sale's clips in pin order (empty until its replay is READY)")
    @APIResponse(responseCode = "200", description = "The clips")
    @APIResponse(responseCode = "404", description = "not-found: no such sale")
    public Uni<MediaApi.Highlights> get(
            UUID id,
            @QueryParam("lang") @Parameter(schema = @Schema(maxLength = 35)) String lang,
            @HeaderParam("Accept-Language") @Parameter(schema = @Schema(maxLength = Languages.ACCEPT_LANGUAGE_MAX))
                    String acceptLanguage) {
        return replays.ofSale(id, languages.choose(lang, acceptLanguage));
    }
}
