package org.originlive.media;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.originlive.common.Caller;
import org.originlive.common.Role;

@Path("/api/sales/{id}/stream")
@Tag(name = "Live video")
public class StreamResource {

    private final StreamService streams;
    private final Caller caller;

    StreamResource(StreamService streams, Caller caller) {
        this.streams = streams;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Role.HOST_NAME, Role.ADMIN_NAME})
    @Operation(summary = "The sale's ingest URL, stream key, video status and health (its host or an admin)")
    @APIResponse(
            responseCode = "200",
            description = "How to publish, and how the stream is doing",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = MediaApi.StreamSettings.class)))
    @APIResponse(responseCode = "403", description = "forbidden: another host's sale")
    public Uni<MediaApi.StreamSettings> get(UUID id) {
        return streams.settings(caller, id);
    }

    @POST
    @Path("/key")
    @RolesAllowed({Role.HOST_NAME, Role.ADMIN_NAME})
    @Operation(summary = "A new stream key: the old one stops working and its publisher is cut off")
    @APIResponse(
            responseCode = "200",
            description = "The settings with the new key",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = MediaApi.StreamSettings.class)))
    @APIResponse(responseCode = "403", description = "forbidden: another host's sale")
    public Uni<MediaApi.StreamSettings> rotate(UUID id) {
        return streams.rotate(caller, id);
    }
}
