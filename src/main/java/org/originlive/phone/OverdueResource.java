package org.originlive.phone;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.originlive.common.Page;
import org.originlive.common.PageParams;
import org.originlive.common.Role;

@Path("/api/admin/overdue-fulfillments")
@Tag(name = "Phones (cooperatives)")
@RolesAllowed(Role.ADMIN_NAME)
public class OverdueResource {

    private final AlertService alerts;

    OverdueResource(AlertService alerts) {
        this.alerts = alerts;
    }

    @GET
    @Operation(summary = "Fulfilments that stayed NEW past escalate-after (48 h), newest alert first")
    public Uni<Page<PhoneApi.Overdue>> list(@BeanParam PageParams paging) {
        return alerts.overdue(paging.request());
    }
}
