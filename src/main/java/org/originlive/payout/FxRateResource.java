package org.originlive.payout;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.originlive.common.Caller;
import org.originlive.common.Role;

@Path("/api/admin/fx-rates")
@Tag(name = "Payouts")
@RolesAllowed(Role.ADMIN_NAME)
public class FxRateResource {

    private final PayoutSettingsService settings;
    private final Caller caller;

    FxRateResource(PayoutSettingsService settings, Caller caller) {
        this.settings = settings;
        this.caller = caller;
    }

    @PUT
    @Path("/{from}/{to}")
    @Operation(summary = "Sets the rate: one unit of {from} is {rate} units of {to}")
    public Uni<PayoutApi.FxRate> put(String from, String to, @Valid @NotNull PayoutApi.FxRateRequest request) {
        return settings.putRate(caller, from, to, request);
    }

    @GET
    @Operation(summary = "Every FX rate")
    public Uni<PayoutApi.FxRateList> list() {
        return settings.rates(caller);
    }
}
