package org.originlive.chat;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.originlive.common.Caller;
import org.originlive.common.Role;
import org.originlive.ratelimit.RateLimited;
import org.originlive.ratelimit.Route;

@Path("/api")
@Tag(name = "Live room chat")
public class ChatResource {

    private final ChatService chat;
    private final ChatHistoryService history;
    private final ModerationService moderation;
    private final ReactionService reactions;
    private final Caller caller;
    private final CurrentIdentityAssociation identity;

    ChatResource(
            ChatService chat,
            ChatHistoryService history,
            ModerationService moderation,
            ReactionService reactions,
            Caller caller,
            CurrentIdentityAssociation identity) {
        this.chat = chat;
        this.history = history;
        this.moderation = moderation;
        this.reactions = reactions;
        this.caller = caller;
        this.identity = identity;
    }

    @POST
    @Path("/sales/{id}/chat")
    @Authenticated
    @RateLimited(Route.CHAT_POST)
    @Operation(summary = "Post a message or question; HELD (201) when it contains a blocked term")
    @APIResponse(
            responseCode = "201",
            description = "The message: VISIBLE, or HELD for a moderator",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = ChatApi.ChatMessage.class)))
    @APIResponse(responseCode = "403", description = "banned")
    @APIResponse(responseCode = "409", description = "chat-closed")
    @APIResponse(responseCode = "429", description = "slow-mode or rate-limited")
    public Uni<Response> post(UUID id, @NotNull ChatApi.PostMessage request) {
        return chat.post(caller, id, request)
                .map(message -> Response.status(201).entity(message).build());
    }

    @GET
    @Path("/sales/{id}/chat")
    @PermitAll
    @Operation(summary = "VISIBLE messages in seq order: after afterSeq, or the latest; moderators may ask for HELD")
    @APIResponse(
            responseCode = "200",
            description = "Messages and the latest seq",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = ChatApi.ChatPage.class)))
    @APIResponse(responseCode = "401", description = "status=HELD with a missing, expired or forged token")
    @APIResponse(responseCode = "403", description = "status=HELD asked by someone who does not moderate this sale")
    public Uni<ChatApi.ChatPage> list(
            UUID id,
            @QueryParam("afterSeq") @Parameter(schema = @Schema(implementation = Long.class, minimum = "0"))
                    String afterSeq,
            @QueryParam("limit")
                    @Parameter(
                            schema =
                                    @Schema(
                                            implementation = Integer.class,
                                            minimum = "1",
                                            maximum = "200",
                                            defaultValue = "50"))
                    String limit,
            @QueryParam("kind") @Parameter(schema = @Schema(implementation = ChatApi.Kind.class)) String kind,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = ChatApi.Status.class)) String status) {
        // Only a moderator's HELD queue needs the caller; public reads never resolve a token.
        Uni<Caller> moderator = "HELD".equalsIgnoreCase(status)
                ? identity.getDeferredIdentity().map(Caller::ofIdentity)
                : Uni.createFrom().nullItem();
        return moderator.flatMap(who -> history.list(who, id, afterSeq, limit, kind, status));
    }

    @POST
    @Path("/sales/{id}/chat/{msgId}/approve")
    @RolesAllowed({Role.HOST_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Approve a HELD message: it becomes VISIBLE with the next seq")
    @APIResponse(
            responseCode = "200",
            description = "The message, VISIBLE",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = ChatApi.ChatMessage.class)))
    @APIResponse(responseCode = "409", description = "not-held")
    public Uni<ChatApi.ChatMessage> approve(UUID id, UUID msgId) {
        return chat.approve(caller, id, msgId);
    }

    @DELETE
    @Path("/sales/{id}/chat/{msgId}")
    @RolesAllowed({Role.HOST_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Delete a message; viewers get chat_deleted")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(UUID id, UUID msgId) {
        return chat.delete(caller, id, msgId).map(x -> Response.noContent().build());
    }

    @POST
    @Path("/sales/{id}/chat/{msgId}/pin")
    @RolesAllowed({Role.HOST_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Pin a VISIBLE message (replaces the pinned one)")
    @APIResponse(
            responseCode = "200",
            description = "The pinned message",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = ChatApi.ChatMessage.class)))
    @APIResponse(responseCode = "409", description = "not-visible")
    public Uni<ChatApi.ChatMessage> pin(UUID id, UUID msgId) {
        return chat.pin(caller, id, msgId);
    }

    @POST
    @Path("/sales/{id}/chat/unpin")
    @RolesAllowed({Role.HOST_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Unpin the pinned message")
    @APIResponse(responseCode = "204", description = "Unpinned")
    public Uni<Response> unpin(UUID id) {
        return chat.unpin(caller, id).map(x -> Response.noContent().build());
    }

    @POST
    @Path("/sales/{id}/chat/bans")
    @RolesAllowed({Role.HOST_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Ban a user from this sale's chat: for durationSeconds, or until the sale ends")
    @APIResponse(
            responseCode = "201",
            description = "The ban",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ChatApi.Ban.class)))
    public Uni<Response> ban(UUID id, @NotNull ChatApi.BanRequest request) {
        return moderation.ban(caller, id, request).map(ban -> Response.created(
                        URI.create("/api/sales/" + id + "/chat/bans/" + ban.userId()))
                .entity(ban)
                .build());
    }

    @DELETE
    @Path("/sales/{id}/chat/bans/{userId}")
    @RolesAllowed({Role.HOST_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Lift a ban or timeout")
    @APIResponse(responseCode = "204", description = "Lifted")
    public Uni<Response> unban(UUID id, UUID userId) {
        return moderation.unban(caller, id, userId).map(x -> Response.noContent()
                .build());
    }

    @GET
    @Path("/sales/{id}/chat/bans")
    @RolesAllowed({Role.HOST_NAME, Role.ADMIN_NAME})
    @Operation(summary = "The bans and timeouts in force")
    public Uni<ChatApi.Bans> bans(UUID id) {
        return moderation.bans(caller, id);
    }

    @GET
    @Path("/sales/{id}/chat/settings")
    @RolesAllowed({Role.HOST_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Chat on/off, slow mode and the sale's blocked terms")
    public Uni<ChatApi.Settings> settings(UUID id) {
        return moderation.settings(caller, id);
    }

    @PUT
    @Path("/sales/{id}/chat/settings")
    @RolesAllowed({Role.HOST_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Replace the chat settings")
    public Uni<ChatApi.Settings> changeSettings(UUID id, @NotNull ChatApi.Settings request) {
        return moderation.change(caller, id, request);
    }

    @POST
    @Path("/sales/{id}/reactions")
    @Authenticated
    @Operation(summary = "React (like, heart, fire); at most 10 a second per user are counted, all get 202")
    @APIResponse(responseCode = "202", description = "Accepted (counted unless over 10 a second)")
    public Uni<Response> react(UUID id, @NotNull ChatApi.React request) {
        return reactions.react(caller, id, request.type()).map(x -> Response.accepted()
                .build());
    }

    @GET
    @Path("/sales/{id}/reactions")
    @PermitAll
    @Operation(summary = "Reaction totals of the sale (as saved, at most a flush interval behind)")
    public Uni<ChatApi.Reactions> reactionTotals(UUID id) {
        return reactions.totals(id);
    }
}
