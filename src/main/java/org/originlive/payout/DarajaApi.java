package org.originlive.payout;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.ClientQueryParam;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Safaricom Daraja, as a REST client (built by Daraja at the configured base URL). */
@RegisterRestClient
public interface DarajaApi {

    /** OAuth client credentials, but on a GET with the grant type in the query. */
    @GET
    @Path("/oauth/v1/generate")
    @ClientQueryParam(name = "grant_type", value = "client_credentials")
    Uni<Response> token(@HeaderParam("Authorization") String basic);

    @POST
    @Path("/mpesa/b2c/v3/paymentrequest")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> pay(@HeaderParam("Authorization") String bearer, JsonNode body);

    @POST
    @Path("/mpesa/transactionstatus/v1/query")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> query(@HeaderParam("Authorization") String bearer, JsonNode body);
}
