package org.originlive.cooperative;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
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
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        Lang chosen = languages.choose(lang, acceptLanguage);
        return cooperatives
                .list(PageRequest.of(page, size), chosen)
                .map(p -> Languages.served(p, chosen, p.items().stream().map(CooperativeApi.CooperativeView::lang)));
    }
}
