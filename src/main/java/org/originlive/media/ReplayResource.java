package org.originlive.media;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
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
import org.originlive.i18n.Lang;
import org.originlive.i18n.Languages;

/** Replays and highlight clips (public). */
@Path("/api")
@Tag(name = "Replays and highlights")
public class ReplayResource {

    /** {@code ?lang=} and {@code Accept-Language}, as every public read takes them. */
    public static class Language {
        @QueryParam("lang")
        @Parameter(schema = @Schema(maxLength = 35))
        String lang;

        @HeaderParam("Accept-Language")
        @Parameter(schema = @Schema(maxLength = Languages.ACCEPT_LANGUAGE_MAX))
        String acceptLanguage;
    }

    private final ReplayService replays;
    private final Languages languages;
    private final CurrentIdentityAssociation identity;

    ReplayResource(ReplayService replays, Languages languages, CurrentIdentityAssociation identity) {
        this.replays = replays;
        this.languages = languages;
        this.identity = identity;
    }

    @GET
    @Path("/sales/{id}/replay")
    @PermitAll
    @Operation(
            summary = "The sale's replay: NONE (nothing was published while LIVE, or the sale has not ended),"
                    + " PROCESSING, or READY with its playlist and one chapter per pin; a READY replay looked"
                    + " at counts as a view (once per viewer and hour)")
    @APIResponse(responseCode = "200", description = "The replay")
    @APIResponse(responseCode = "404", description = "not-found: no such sale")
    public Uni<MediaApi.Replay> replay(
            UUID id,
            @BeanParam Language language,
            @HeaderParam("User-Agent") @Parameter(schema = @Schema(maxLength = 1000)) String userAgent,
            @Context HttpServerRequest request) {
        String address =
                request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
        String agent = userAgent == null ? "" : userAgent.substring(0, Math.min(200, userAgent.length()));
        return identity.getDeferredIdentity()
                .map(Caller::ofIdentity)
                .flatMap(who -> replays.replay(
                        id, chosen(language), who == null ? "address:" + address + "|" + agent : "user:" + who.id()));
    }

    @GET
    @Path("/sales/{id}/highlights")
    @PermitAll
    @Operation(summary = "The sale's clips in pin order (empty until its replay is READY)")
    @APIResponse(responseCode = "200", description = "The clips")
    @APIResponse(responseCode = "404", description = "not-found: no such sale")
    public Uni<MediaApi.Highlights> ofSale(UUID id, @BeanParam Language language) {
        return replays.ofSale(id, chosen(language));
    }

    @GET
    @Path("/products/{id}/highlights")
    @PermitAll
    @Operation(summary = "The product's clips from every sale that featured it, newest first (at most 100)")
    @APIResponse(responseCode = "200", description = "The clips")
    @APIResponse(responseCode = "404", description = "not-found: no such product")
    public Uni<MediaApi.Highlights> ofProduct(UUID id, @BeanParam Language language) {
        return replays.ofProduct(id, chosen(language));
    }

    private Lang chosen(Language language) {
        return languages.choose(language.lang, language.acceptLanguage);
    }
}
