package org.originlive.payout;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.originlive.common.ProblemException;

@Path("/api/payouts/callbacks/{provider}")
@Tag(name = "Payouts")
@PermitAll
public class PayoutCallbackResource {

    private final PayoutCallbacks callbacks;

    PayoutCallbackResource(PayoutCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @POST
    @Operation(summary = "A provider's callback; confirmed with the provider before anything changes")
    @APIResponse(
            responseCode = "200",
            description = "Taken into account (changed=false: a replay or still pending)",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = PayoutApi.CallbackAnswer.class)))
    @APIResponse(responseCode = "403", description = "A forged M-Pesa result token")
    @APIResponse(responseCode = "422", description = "The amount does not match the payout")
    public Uni<PayoutApi.CallbackAnswer> callback(String provider, @Context UriInfo uri, JsonNode body) {
        Provider name;
        try {
            name = Provider.valueOf(provider);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Payout provider", provider);
        }
        Map<String, String> query = new HashMap<>();
        uri.getQueryParameters().forEach((key, values) -> query.put(key, values.get(0)));
        return callbacks.handle(name, query, body);
    }
}
