package org.originlive.phone;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
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

@Path("/api/cooperatives/{id}/alerts")
@Tag(name = "Phones (cooperatives)")
@RolesAllowed({Role.COOPERATIVE_NAME, Role.ADMIN_NAME})
public class AlertResource {

    private final AlertService alerts;
    private final Caller caller;

    AlertResource(AlertService alerts, Caller caller) {
        this.alerts = alerts;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The cooperative's alert phones (confirmed or not, PIN set or not) and language")
    public Uni<PhoneApi.Alerts> get(UUID id) {
        return alerts.get(caller, id);
    }

    @PUT
    @Operation(summary = "Replaces the alert phones and language; each new phone is sent one code by SMS")
    @APIResponse(
            responseCode = "200",
            description = "The alert phones",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = PhoneApi.Alerts.class)))
    @APIResponse(responseCode = "409", description = "duplicate: another cooperative has one of the phones")
    @APIResponse(responseCode = "422", description = "validation (E.164), unsupported-language (en, fr, rw, am)")
    @APIResponse(responseCode = "429", description = "rate-limited: more than 10 verification codes in 24 hours")
    public Uni<PhoneApi.Alerts> put(UUID id, @Valid @NotNull PhoneApi.AlertsRequest body) {
        return alerts.put(caller, id, body);
    }

    @POST
    @Path("/verify")
    @Operation(summary = "Confirms a phone with the code it was sent (5 attempts, expires)")
    @APIResponse(
            responseCode = "200",
            description = "The alert phones",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = PhoneApi.Alerts.class)))
    @APIResponse(responseCode = "422", description = "validation: wrong, expired or used code")
    public Uni<PhoneApi.Alerts> verify(UUID id, @Valid @NotNull PhoneApi.VerifyRequest body) {
        return alerts.verify(caller, id, body);
    }

    @PUT
    @Path("/pin")
    @Operation(summary = "Sets the USSD PIN (4-6 digits) of a confirmed phone; stored hashed")
    @APIResponse(
            responseCode = "200",
            description = "The alert phones",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = PhoneApi.Alerts.class)))
    @APIResponse(responseCode = "404", description = "not-found: no such confirmed phone of this cooperative")
    public Uni<PhoneApi.Alerts> pin(UUID id, @Valid @NotNull PhoneApi.PinRequest body) {
        return alerts.pin(caller, id, body);
    }

    @GET
    @Path("/sms")
    @Operation(summary = "The cooperative's SMS, newest first, with the provider's delivery reports")
    public Uni<Page<PhoneApi.Sms>> history(UUID id, @BeanParam PageParams paging) {
        return alerts.history(caller, id, paging.request());
    }
}
