package org.originlive.media;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;

/**
 * The media engine's callbacks (nginx-rtmp's on_publish, on_publish_done, on_update): form posts
 * with {@code ?secret=} (the module cannot add headers). Anyone without the secret gets 403 and
 * changes nothing. Neither the secret nor the stream key ({@code name}) is ever logged.
 */
@Path("/api/media/hooks")
@Tag(name = "Media engine callbacks", description = "Called by the media engine only; not routed from outside")
@PermitAll
public class MediaHookResource {

    private static final String UPDATE_PUBLISH = "update_publish";
    private static final String CLIENT_PATTERN = HookGuard.CLIENT_PATTERN;
    private static final String CLIENT_DOC = HookGuard.CLIENT_DOC;

    private final StreamService streams;
    private final HookGuard hooks;

    MediaHookResource(StreamService streams, HookGuard hooks) {
        this.streams = streams;
        this.hooks = hooks;
    }

    @POST
    @Path("/on_publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "May this publisher start? 302 accepts and renames the stream after the sale")
    @APIResponse(
            responseCode = "302",
            description = "Accepted: the engine serves the stream under the name in Location (the sale id and a"
                    + " random part, never the key)",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, maxLength = 100)))
    @APIResponse(
            responseCode = "403",
            description = "forbidden: wrong secret; publish-refused: unknown or rotated key, a closed sale, too early"
                    + " for a rehearsal, or another publisher is live")
    public Uni<Response> onPublish(
            @jakarta.ws.rs.BeanParam HookCall caller,
            @FormParam("name")
                    @Schema(maxLength = 256, description = "The stream key the encoder published with (never logged)")
                    String name,
            @FormParam("clientid") @Schema(pattern = CLIENT_PATTERN, description = CLIENT_DOC) String clientId) {
        guard(caller.secret, caller.engine);
        return streams.publish(name, engine(caller.engine), client(clientId))
                .map(stream -> Response.status(Response.Status.FOUND)
                        .header("Location", stream)
                        .build())
                .onFailure(ProblemException.class)
                .invoke(refused -> Log.info(refused.getMessage()));
    }

    @POST
    @Path("/on_publish_done")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "A publisher stopped; its stream becomes IDLE if it was the stream's publisher")
    @APIResponse(responseCode = "204", description = "Noted")
    @APIResponse(responseCode = "403", description = "forbidden: wrong secret")
    public Uni<Void> onPublishDone(
            @jakarta.ws.rs.BeanParam HookCall caller,
            @FormParam("clientid") @Schema(pattern = CLIENT_PATTERN, description = CLIENT_DOC) String clientId) {
        guard(caller.secret, caller.engine);
        String client = client(clientId);
        return client == null ? Uni.createFrom().voidItem() : streams.publishDone(engine(caller.engine), client);
    }

    @POST
    @Path("/on_update")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Is this publisher still welcome? 403 makes the engine cut it off")
    @APIResponse(responseCode = "204", description = "Yes (or not a publisher)")
    @APIResponse(
            responseCode = "403",
            description = "forbidden: wrong secret; publish-refused: the key was rotated or the sale ended")
    public Uni<Void> onUpdate(
            @jakarta.ws.rs.BeanParam HookCall caller,
            @FormParam("call") @Schema(maxLength = 32, description = "update_publish for publishers") String call,
            @FormParam("clientid") @Schema(pattern = CLIENT_PATTERN, description = CLIENT_DOC) String clientId) {
        guard(caller.secret, caller.engine);
        if (!UPDATE_PUBLISH.equals(call)) {
            return Uni.createFrom().voidItem(); // players and the engine's own relays
        }
        String client = client(clientId);
        Uni<Boolean> welcome =
                client == null ? Uni.createFrom().item(false) : streams.stillWelcome(engine(caller.engine), client);
        return welcome.map(ok -> {
            if (!ok) {
                throw new ProblemException(ProblemType.PUBLISH_REFUSED, "This publisher no longer holds its stream");
            }
            return null;
        });
    }

    private void guard(String secret, String engineId) {
        hooks.check(secret, engineId);
    }

    private String engine(String given) {
        return hooks.engine(given);
    }

    private static String client(String clientId) {
        return HookGuard.client(clientId);
    }
}
