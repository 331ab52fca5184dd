package org.originlive.cooperative;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
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
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.Role;

@Path("/api")
@Tag(name = "Cooperatives")
public class CooperativeResource {

    private final CooperativeService cooperatives;

    CooperativeResource(CooperativeService cooperatives) {
        this.cooperatives = cooperatives;
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
    @Operation(summary = "List cooperatives, by name")
    public Uni<Page<CooperativeApi.CooperativeView>> list(
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return cooperatives.list(PageRequest.of(page, size)).map(p -> p.map(CooperativeApi.CooperativeView::of));
    }
}
