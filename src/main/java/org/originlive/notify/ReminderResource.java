package org.originlive.notify;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.originlive.common.Caller;
import org.originlive.common.Role;
import org.originlive.i18n.Languages;

@Path("/api/sales/{id}/reminders")
@Tag(name = "Reminders")
@RolesAllowed(Role.CONSUMER_NAME)
public class ReminderResource {

    private final ReminderService reminders;
    private final Languages languages;
    private final Caller caller;

    ReminderResource(ReminderService reminders, Languages languages, Caller caller) {
        this.reminders = reminders;
        this.languages = languages;
        this.caller = caller;
    }

    @POST
    @Operation(
            summary = "Remind me when this sale goes LIVE (by email to a confirmed address, and by Web Push where"
                    + " allowed), once; the request's language becomes the buyer's email language")
    @APIResponse(
            responseCode = "201",
            description = "Reminder set",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = NotifyApi.Reminder.class)))
    @APIResponse(
            responseCode = "200",
            description = "It was set already",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = NotifyApi.Reminder.class)))
    @APIResponse(responseCode = "404", description = "not-found: no such sale")
    @APIResponse(responseCode = "409", description = "sale-started: the sale is LIVE, ENDED or CANCELLED")
    public Uni<Response> remind(
            UUID id,
            @QueryParam("lang") @Size(max = 35) String lang,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        return reminders
                .remind(caller, id, languages.choose(lang, acceptLanguage).tag())
                .map(added -> Response.status(added ? Response.Status.CREATED : Response.Status.OK)
                        .entity(new NotifyApi.Reminder(id, true))
                        .build());
    }

    @DELETE
    @Operation(summary = "No reminder for this sale (idempotent: 204 whether there was one or not)")
    @APIResponse(responseCode = "204", description = "No reminder now")
    @APIResponse(responseCode = "404", description = "not-found: no such sale")
    public Uni<Response> forget(UUID id) {
        return reminders.forget(caller, id).replaceWith(Response.noContent().build());
    }
}
