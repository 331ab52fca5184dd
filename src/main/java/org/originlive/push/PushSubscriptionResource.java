package org.originlive.push;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
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

@Path("/api")
@Tag(name = "Web Push")
public class PushSubscriptionResource {

    private static final String SUBSCRIPTIONS = "/api/me/push-subscriptions";

    private final PushSubscriptions subscriptions;
    private final VapidKeys keys;
    private final Caller caller;

    PushSubscriptionResource(PushSubscriptions subscriptions, VapidKeys keys, Caller caller) {
        this.subscriptions = subscriptions;
        this.keys = keys;
        this.caller = caller;
    }

    @POST
    @Path("/me/push-subscriptions")
    @Authenticated
    @Operation(summary = "Registers this browser's push subscription (PushSubscription.toJSON()) for the caller")
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = PushApi.Subscription.class)))
    @APIResponse(
            responseCode = "200",
            description = "The endpoint was registered already; now it is the caller's, with these keys",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = PushApi.Subscription.class)))
    @APIResponse(
            responseCode = "422",
            description = "validation: keys not a P-256 point / 16-byte secret, the endpoint refused by the address"
                    + " guard (https on 443 to a public address only), or the account has 10 browsers already")
    public Uni<Response> register(@Valid @NotNull PushApi.SubscriptionRequest body) {
        return subscriptions.register(caller.id(), body).map(r -> (r.created()
                        ? Response.created(URI.create(
                                SUBSCRIPTIONS + "/" + r.subscription().id()))
                        : Response.ok())
                .entity(r.subscription())
                .build());
    }

    @GET
    @Path("/me/push-subscriptions")
    @Authenticated
    @Operation(summary = "The caller's push subscriptions")
    public Uni<List<PushApi.Subscription>> list() {
        return subscriptions.list(caller.id());
    }

    @DELETE
    @Path("/me/push-subscriptions/{id}")
    @Authenticated
    @Operation(summary = "Removes one of the caller's push subscriptions")
    @APIResponse(responseCode = "204", description = "Removed; nothing more is pushed to that browser")
    @APIResponse(responseCode = "404", description = "not-found: no such subscription of the caller")
    public Uni<Response> delete(UUID id) {
        return subscriptions.delete(caller.id(), id).map(x -> Response.noContent()
                .build());
    }

    @GET
    @Path("/push/vapid-public-key")
    @PermitAll
    @Operation(summary = "The VAPID public key a page subscribes with (applicationServerKey)")
    public PushApi.VapidKey vapidKey() {
        return new PushApi.VapidKey(keys.publicKey());
    }
}
