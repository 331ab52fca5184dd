package org.originlive.origin;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.originlive.common.Caller;
import org.originlive.common.Page;
import org.originlive.common.PageParams;
import org.originlive.common.Role;

@Path("/api")
@Tag(name = "Origin: producers and plots")
@RolesAllowed({Role.COOPERATIVE_NAME, Role.ADMIN_NAME})
public class ProducerResource {

    private final ProducerService producers;
    private final Caller caller;

    ProducerResource(ProducerService producers, Caller caller) {
        this.producers = producers;
        this.caller = caller;
    }

    @POST
    @Path("/cooperatives/{id}/producers")
    @Operation(summary = "Register a member of the cooperative; memberCode is unique per cooperative (409)")
    @APIResponse(
            responseCode = "201",
            description = "The producer",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = OriginApi.Producer.class)))
    @APIResponse(responseCode = "409", description = "member-code-taken")
    public Uni<Response> create(UUID id, @Valid @NotNull OriginApi.CreateProducer request) {
        return producers.create(caller, id, request).map(p -> Response.created(
                        URI.create("/api/cooperatives/" + id + "/producers/" + p.id()))
                .entity(p)
                .build());
    }

    @GET
    @Path("/cooperatives/{id}/producers")
    @Operation(summary = "The cooperative's members, by member code")
    public Uni<Page<OriginApi.Producer>> list(UUID id, @BeanParam PageParams paging) {
        return producers.list(caller, id, paging.request());
    }

    @POST
    @Path("/producers/{id}/plots")
    @Operation(summary = "Add a plot as GeoJSON (Point, or Polygon; a Polygon above 4 ha); areaHa is cross-checked")
    @APIResponse(
            responseCode = "201",
            description = "The plot",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OriginApi.Plot.class)))
    public Uni<Response> addPlot(UUID id, @Valid @NotNull OriginApi.CreatePlot request) {
        return producers.addPlot(caller, id, request).map(p -> Response.created(
                        URI.create("/api/producers/" + id + "/plots/" + p.id()))
                .entity(p)
                .build());
    }

    @GET
    @Path("/producers/{id}/plots")
    @Operation(summary = "The producer's plots with their geometry (its cooperative and ADMIN only)")
    public Uni<List<OriginApi.Plot>> plots(UUID id) {
        return producers.plots(caller, id);
    }
}
