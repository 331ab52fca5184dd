package org.originlive.payout;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * MTN MoMo Disbursement's transfers, as a REST client (built by MomoClient at the configured base
 * URL). The OIDC client named {@value MomoClient#TOKENS} adds MoMo's bearer token to each call.
 */
@RegisterRestClient
@OidcClientFilter(MomoClient.TOKENS)
@Path("/disbursement/v1_0/transfer")
public interface MomoApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> transfer(
            @HeaderParam("X-Reference-Id") String reference,
            @HeaderParam("X-Target-Environment") String environment,
            @HeaderParam("Ocp-Apim-Subscription-Key") String subscriptionKey,
            @HeaderParam("X-Callback-Url") String callbackUrl,
            JsonNode body);

    @GET
    @Path("/{reference}")
    Uni<Response> status(
            @PathParam("reference") String reference,
            @HeaderParam("X-Target-Environment") String environment,
            @HeaderParam("Ocp-Apim-Subscription-Key") String subscriptionKey);
}
