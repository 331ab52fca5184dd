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

/** A product's highlight clips from all its sales (public), newest first. */
@Path("/api/products/{id}/highlights")
@Tag(name = "Replays and highlights")
public class ProductHighlightResource {

    private final ReplayService replays;
    private final Languages languages;

    ProductHighlightResource(ReplayService replays, Languages languages) {
        this.replays = replays;
        this.languages = languages;
    }

    @GET
    @PermitAll
    @Operation(summary = "The product's clips from every sale that featured it, newest first (at most 100)")
    @APIResponse(responseCode = "200", description = "The clips")
    @APIResponse(responseCode = "404", description = "not-found: no such product")
    public Uni<MediaApi.Highlights> get(
            UUID id,
            @QueryParam("lang") @Parameter(schema = @Schema(maxLength = 35)) String lang,
            @HeaderParam("Accept-Language") @Parameter(schema = @Schema(maxLength = Languages.ACCEPT_LANGUAGE_MAX))
                    String acceptLanguage) {
        return replays.ofProduct(id, languages.choose(lang, acceptLanguage));
    }
}
