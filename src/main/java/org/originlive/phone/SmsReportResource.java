package org.originlive.phone;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Africa's Talking's delivery reports (the SMS delivery-reports callback URL of the app). */
@Path("/api/sms/delivery-reports")
@Tag(name = "Phones (provider callbacks)")
@PermitAll
public class SmsReportResource {

    private final AlertService alerts;
    private final ProviderAddresses addresses;

    SmsReportResource(AlertService alerts, ProviderAddresses addresses) {
        this.alerts = alerts;
        this.addresses = addresses;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "A delivery report: form id, status, phoneNumber, networkCode, failureReason, retryCount")
    @APIResponse(responseCode = "204", description = "Recorded (or an unknown id, ignored)")
    @APIResponse(responseCode = "403", description = "forbidden: not from ORIGINLIVE_USSD_ALLOWED")
    public Uni<Void> report(
            @FormParam("id") @Size(max = 100) String id,
            @FormParam("status") @Size(max = 100) String status,
            @FormParam("failureReason") @Size(max = 200) String reason,
            @Context HttpServerRequest request) {
        addresses.require(request);
        if (id == null || status == null) {
            return Uni.createFrom().voidItem();
        }
        return alerts.report(id, cut(status), reason == null ? null : cut(reason));
    }

    private static String cut(String s) {
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
