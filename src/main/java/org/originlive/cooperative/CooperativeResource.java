package org.originlive.cooperative;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.originlive.common.Page;
import org.originlive.common.PageParams;
import org.originlive.common.Role;
import org.originlive.i18n.Lang;
import org.originlive.i18n.Languages;

@Path("/api")
@Tag(name = "Cooperatives")
public class CooperativeResource {

    private final CooperativeService cooperatives;
    private final Languages languages;

    CooperativeResource(CooperativeService cooperatives, Languages languages) {
        this.cooperatives = cooperatives;
        this.languages = languages;
    }

    @POST
    @Path("/cooperatives")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Register a cooperative")
    @APIResponse(
            responseCode = "201",
            description = "The new cooperative",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = CooperativeApi.CooperativeView.class)))
    @APIResponse(responseCode = "409", description = "slug-taken")
    public Uni<Response> create(@Valid @NotNull CooperativeApi.CreateCooperative request) {
        return cooperatives.create(request).map(c -> Response.created(URI.create("/api/storefronts/" + c.slug))
                .entity(CooperativeApi.CooperativeView.of(c))
                .build());
    }

    @GET
    @Path("/cooperatives")
    @PermitAll
    @Operation(summary = "List cooperatives, by name, stories in the asked-for language")
    public Uni<RestResponse<Page<CooperativeApi.CooperativeView>>> list(
            @BeanParam PageParams paging,
            @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        Lang chosen = languages.choose(lang, acceptLanguage);
        return cooperatives
                .list(paging.request(), chosen)
                .map(p -> Languages.served(p, chosen, p.items().stream().map(CooperativeApi.CooperativeView::lang)));
    }
}
