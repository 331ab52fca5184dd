package org.originlive.live;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.originlive.common.Caller;
import org.originlive.common.Role;

@Path("/api/sales/{id}/stats")
@Tag(name = "Live sales")
public class SaleStatsResource {

    private final SaleStats stats;
    private final Caller caller;

    SaleStatsResource(SaleStats stats, Caller caller) {
        this.stats = stats;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Role.HOST_NAME, Role.ADMIN_NAME})
    @Operation(
            summary = "Paid orders, units, gross, orders in the last minute, viewers and peak; replay orders and views"
                    + " (counts only)")
    public Uni<SaleStats.Stats> get(UUID id) {
        return stats.of(caller, id);
    }
}
