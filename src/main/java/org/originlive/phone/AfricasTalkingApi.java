package org.originlive.phone;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * Africa's Talking bulk SMS: {@code POST /version1/messaging}, a form of {@code username},
 * {@code to}, {@code message} and optionally {@code from}, the app's key in the {@code apiKey}
 * header; it answers {@code {SMSMessageData: {Message, Recipients: [{statusCode, number, status,
 * cost, messageId}]}}}.
 */
@Path("/version1/messaging")
public interface AfricasTalkingApi {

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> send(@HeaderParam("apiKey") String apiKey, MultivaluedMap<String, String> form);
}
