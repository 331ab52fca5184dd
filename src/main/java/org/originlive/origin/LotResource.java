package org.originlive.origin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
@Tag(name = "Origin: lots")
public class LotResource {

    static final String GEO_JSON = "application/geo+json";

    private final LotService lots;
    private final TraceService traces;
    private final Caller caller;
    private final CurrentIdentityAssociation identity;

    LotResource(LotService lots, TraceService traces, Caller caller, CurrentIdentityAssociation identity) {
        this.lots = lots;
        this.traces = traces;
        this.caller = caller;
        this.identity = identity;
    }

    @POST
    @Path("/cooperatives/{id}/lots")
    @RolesAllowed({Role.COOPERATIVE_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Record a lot of one of the cooperative's products, from its members' inputs")
    @APIResponse(
            responseCode = "201",
            description = "The lot",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OriginApi.Lot.class)))
    @APIResponse(responseCode = "409", description = "lot-code-taken")
    public Uni<Response> create(UUID id, @Valid @NotNull OriginApi.CreateLot request) {
        return lots.create(caller, id, request).map(lot -> Response.created(URI.create("/api/lots/" + lot.id()))
                .entity(lot)
                .build());
    }

    @GET
    @Path("/cooperatives/{id}/lots")
    @PermitAll
    @Operation(summary = "The cooperative's lots, newest first, as public views")
    public Uni<Page<OriginApi.PublicLot>> list(UUID id, @BeanParam PageParams paging) {
        return lots.list(id, paging.request());
    }

    @GET
    @Path("/lots/{id}")
    @PermitAll
    @Operation(summary = "The whole lot for its cooperative and ADMIN; the public view for anyone else")
    @APIResponse(
            responseCode = "200",
            description = "The lot: whole for its cooperative and admins, its public view for anyone else",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(anyOf = {OriginApi.Lot.class, OriginApi.PublicLot.class})))
    public Uni<Object> get(UUID id) {
        return identity.getDeferredIdentity().map(Caller::ofIdentity).flatMap(who -> lots.get(who, id));
    }

    @GET
    @Path("/lots/{id}/geojson")
    @RolesAllowed({Role.COOPERATIVE_NAME, Role.ADMIN_NAME})
    @Produces({GEO_JSON, "application/json"})
    @Operation(summary = "The lot's plots as a GeoJSON FeatureCollection (due-diligence statements)")
    @APIResponse(
            responseCode = "200",
            description = "A GeoJSON FeatureCollection of the lot's plots",
            content =
                    @Content(
                            mediaType = "application/geo+json",
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .OBJECT)))
    public Uni<ObjectNode> geojson(UUID id) {
        return lots.geojson(caller, id);
    }

    @POST
    @Path("/fulfillments/{id}/lots")
    @RolesAllowed({Role.COOPERATIVE_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Record which lot each line came from, once ACCEPTED; a line assigned again gets the new lot")
    @APIResponse(
            responseCode = "200",
            description = "The fulfilment's lines and their lots",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = OriginApi.Assignments.class)))
    @APIResponse(responseCode = "409", description = "fulfillment-not-accepted")
    public Uni<OriginApi.Assignments> assign(UUID id, @Valid @NotNull OriginApi.AssignLots request) {
        return traces.assign(caller, id, request);
    }

    @GET
    @Path("/fulfillments/{id}/lots")
    @RolesAllowed({Role.COOPERATIVE_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Which lot each of the fulfilment's lines came from")
    public Uni<OriginApi.Assignments> assignments(UUID id) {
        return traces.assignments(caller, id);
    }
}
