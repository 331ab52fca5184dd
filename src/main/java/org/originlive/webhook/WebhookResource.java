package org.originlive.webhook;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
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

@Path("/api/cooperatives/{id}/webhooks")
@Tag(name = "Webhooks (cooperatives)")
@RolesAllowed({Role.COOPERATIVE_NAME, Role.ADMIN_NAME})
public class WebhookResource {

    private final WebhookService webhooks;
    private final Caller caller;

    WebhookResource(WebhookService webhooks, Caller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @POST
    @Operation(
            summary = "Registers an endpoint (https, public address; checked now and on every delivery)"
                    + " for some events; answers its signing secret, shown only now")
    @APIResponse(
            responseCode = "201",
            description = "The endpoint with its secret",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = WebhookApi.EndpointWithSecret.class)))
    @APIResponse(
            responseCode = "422",
            description = "validation: unknown event, a URL that is not https on port 443 or reaches a private,"
                    + " loopback or link-local address, or more than 10 endpoints")
    public Uni<Response> create(UUID id, @Valid @NotNull WebhookApi.EndpointRequest body) {
        return webhooks.create(caller, id, body).map(created -> Response.status(Response.Status.CREATED)
                .type(MediaType.APPLICATION_JSON)
                .location(URI.create("/api/cooperatives/" + id + "/webhooks/" + created.id()))
                .entity(created)
                .build());
    }

    @GET
    @Operation(summary = "The cooperative's endpoints (never their secrets)")
    public Uni<WebhookApi.EndpointList> list(UUID id) {
        return webhooks.list(caller, id);
    }

    @DELETE
    @Path("/{webhookId}")
    @Operation(summary = "Removes an endpoint: its queued deliveries are dropped, nothing more is sent")
    @APIResponse(responseCode = "204", description = "Removed")
    public Uni<Response> delete(UUID id, UUID webhookId) {
        return webhooks.delete(caller, id, webhookId)
                .map(x -> Response.noContent().build());
    }

    @POST
    @Path("/{webhookId}/rotate-secret")
    @Operation(
            summary = "A new signing secret, shown only now; for 24 hours deliveries carry a signature by the"
                    + " new secret and one by the old (new first)")
    @APIResponse(
            responseCode = "200",
            description = "The endpoint with its new secret",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = WebhookApi.EndpointWithSecret.class)))
    public Uni<WebhookApi.EndpointWithSecret> rotate(UUID id, UUID webhookId) {
        return webhooks.rotate(caller, id, webhookId);
    }

    @GET
    @Path("/{webhookId}/deliveries")
    @Operation(summary = "The endpoint's delivery attempts, newest first: outcome, response code, error, event")
    public Uni<Page<WebhookApi.Attempt>> deliveries(UUID id, UUID webhookId, @BeanParam PageParams paging) {
        return webhooks.attempts(caller, id, webhookId, paging.request());
    }

    @POST
    @Path("/{webhookId}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "One more attempt now, with the same event id and body")
    @APIResponse(
            responseCode = "202",
            description = "Queued (or already about to be attempted)",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = WebhookApi.Redelivery.class)))
    public Uni<Response> redeliver(UUID id, UUID webhookId, UUID deliveryId) {
        return webhooks.redeliver(caller, id, webhookId, deliveryId).map(queued -> Response.accepted(queued)
                .type(MediaType.APPLICATION_JSON)
                .build());
    }
}
