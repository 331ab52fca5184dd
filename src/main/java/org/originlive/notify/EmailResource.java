package org.originlive.notify;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.originlive.common.Caller;
import org.originlive.i18n.Languages;

@Path("/api")
@Tag(name = "Email")
public class EmailResource {

    static final String CONFIRM_PATH = "/api/email/confirm";
    static final String UNSUBSCRIBE_PATH = "/api/email/unsubscribe";
    private static final int TOKEN_MAX = 1000;

    private final EmailService emails;
    private final Languages languages;
    private final Caller caller;

    EmailResource(EmailService emails, Languages languages, Caller caller) {
        this.emails = emails;
        this.languages = languages;
        this.caller = caller;
    }

    @POST
    @Path("/me/email/confirm")
    @Authenticated
    @Operation(
            summary = "Sends the caller's address a signed confirmation link (in the ?lang= or Accept-Language"
                    + " language, which becomes the language of their emails); only confirmed addresses get emails")
    @APIResponse(
            responseCode = "200",
            description = "A link was sent (confirmed false), or the address is confirmed already",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = NotifyApi.EmailStatus.class)))
    @APIResponse(responseCode = "429", description = "rate-limited: several links were sent in the last hour")
    public Uni<NotifyApi.EmailStatus> requestConfirmation(
            @QueryParam("lang") @Size(max = 35) String lang, @HeaderParam("Accept-Language") String acceptLanguage) {
        return emails.requestConfirmation(
                caller, languages.choose(lang, acceptLanguage).tag());
    }

    @GET
    @Path("/email/confirm")
    @PermitAll
    @Operation(summary = "Opens a confirmation link: the address it was sent to becomes the account's confirmed one")
    @APIResponse(
            responseCode = "200",
            description = "The address is confirmed",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = NotifyApi.EmailStatus.class)))
    @APIResponse(responseCode = "400", description = "invalid-link: not a link we sent, or cut short")
    @APIResponse(responseCode = "422", description = "validation: no token, or one longer than 1000 characters")
    @APIResponse(responseCode = "409", description = "email-changed: the account's address is no longer the linked one")
    @APIResponse(responseCode = "410", description = "link-expired: ask for a new link")
    public Uni<NotifyApi.EmailStatus> confirm(@QueryParam("token") @NotNull @Size(max = TOKEN_MAX) String token) {
        return emails.confirm(token);
    }

    @GET
    @Path("/email/unsubscribe")
    @PermitAll
    @Operation(summary = "Opens an unsubscribe link: the address gets no more reminders or order emails (idempotent)")
    @APIResponse(
            responseCode = "200",
            description = "The address is unsubscribed",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = NotifyApi.Unsubscribed.class)))
    @APIResponse(responseCode = "400", description = "invalid-link: not a link we sent, or cut short")
    @APIResponse(responseCode = "422", description = "validation: no token, or one longer than 1000 characters")
    @APIResponse(responseCode = "410", description = "link-expired")
    public Uni<NotifyApi.Unsubscribed> unsubscribe(@QueryParam("token") @NotNull @Size(max = TOKEN_MAX) String token) {
        return emails.unsubscribe(token);
    }

    @POST
    @Path("/email/unsubscribe")
    @PermitAll
    @Operation(summary = "RFC 8058 one-click unsubscribe (List-Unsubscribe-Post): as the GET, for mail clients")
    @APIResponse(
            responseCode = "200",
            description = "The address is unsubscribed",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = NotifyApi.Unsubscribed.class)))
    @APIResponse(responseCode = "400", description = "invalid-link: not a link we sent, or cut short")
    @APIResponse(responseCode = "422", description = "validation: no token, or one longer than 1000 characters")
    @APIResponse(responseCode = "410", description = "link-expired")
    public Uni<NotifyApi.Unsubscribed> oneClick(@QueryParam("token") @NotNull @Size(max = TOKEN_MAX) String token) {
        return emails.unsubscribe(token);
    }
}
