package org.originlive.origin;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.originlive.common.Caller;

@Path("/api")
@Tag(name = "Origin: trace and impact")
public class TraceResource {

    private final TraceService traces;
    private final ImpactService impact;
    private final Caller caller;

    TraceResource(TraceService traces, ImpactService impact, Caller caller) {
        this.traces = traces;
        this.impact = impact;
        this.caller = caller;
    }

    @GET
    @Path("/orders/{id}/trace")
    @Authenticated
    @Operation(summary = "Each line's cooperative and the public view of its lot (the buyer or ADMIN; 404 for others)")
    public Uni<OriginApi.Trace> trace(UUID id) {
        return traces.trace(caller, id);
    }

    @GET
    @Path("/sales/{id}/impact")
    @PermitAll
    @Operation(summary = "What the sale delivered to origin: units, gross, fee, net, refunds, producers, hectares")
    public Uni<OriginApi.Impact> impact(UUID id) {
        return impact.impact(id);
    }
}
