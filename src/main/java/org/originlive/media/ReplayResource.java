package org.originlive.media;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.originlive.common.Caller;
import org.originlive.i18n.Languages;

/** A sale's replay (public): NONE, PROCESSING or READY with its chapters. */
@Path("/api/sales/{id}/replay")
@Tag(name = "Replays and highlights")
public class ReplayResource {

    private final ReplayService replays;
    private final Languages languages;
    private final CurrentIdentityAssociation identity;

    ReplayResource(ReplayService replays, Languages languages, CurrentIdentityAssociation identity) {
        this.replays = replays;
        this.languages = languages;
        this.identity = identity;
    }

    @GET
    @PermitAll
    @Operation(
            summary = "The sale's replay: NONE (nothing was published while LIVE, or the sale has not ended),"
                    + " PROCESSING, or READY with its playlist and one chapter per pin; a READY replay looked"
                    + " at counts as a view (once per viewer and hour)")
    @APIResponse(responseCode = "200", description = "The replay")
    @APIResponse(responseCode = "404", description = "not-found: no such sale")
    public Uni<MediaApi.Replay> get(
            UUID id,
            @QueryParam("lang") @Parameter(schema = @Schema(maxLength = 35)) String lang,
            @HeaderParam("Accept-Language") @Parameter(schema = @Schema(maxLength = Languages.ACCEPT_LANGUAGE_MAX))
                    String acceptLanguage,
            @HeaderParam("User-Agent") @Parameter(schema = @Schema(maxLength = 1000)) String userAgent,
            @Context HttpServerRequest request) {
        String address =
                request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
        String agent = userAgent == null ? "" : userAgent.substring(0, Math.min(200, userAgent.length()));
        return identity.getDeferredIdentity()
                .map(Caller::ofIdentity)
                .flatMap(who -> replays.replay(
                        id,
                        languages.choose(lang, acceptLanguage),
                        who == null ? "address:" + address + "|" + agent : "user:" + who.id()));
    }
}
