package org.originlive.phone;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Africa's Talking's USSD callback: form in, {@code CON …}/{@code END …} text out. */
@Path("/api/ussd/callback")
@Tag(name = "Phones (provider callbacks)")
@PermitAll
public class UssdResource {

    private final UssdService ussd;
    private final ProviderAddresses addresses;

    UssdResource(UssdService ussd, ProviderAddresses addresses) {
        this.ussd = ussd;
        this.addresses = addresses;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "One step of a USSD session (sessionId, serviceCode, phoneNumber, text = answers joined by *)")
    @APIResponse(
            responseCode = "200",
            description = "CON and the next screen, or END and the last one",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "403", description = "forbidden: not from ORIGINLIVE_USSD_ALLOWED")
    public Uni<String> callback(
            @FormParam("sessionId") @Size(max = 100) String sessionId,
            @FormParam("serviceCode") @Size(max = 32) String serviceCode,
            @FormParam("phoneNumber") @Size(max = 32) String phoneNumber,
            @FormParam("text") @Size(max = 1000) String text,
            @Context HttpServerRequest request) {
        addresses.require(request);
        return ussd.answer(phoneNumber, text);
    }
}
