package org.originlive.ledger;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.originlive.common.Caller;
import org.originlive.common.Page;
import org.originlive.common.PageParams;
import org.originlive.common.Role;

@Path("/api")
@Tag(name = "Money (cooperatives)")
public class LedgerResource {

    private final LedgerService ledger;
    private final Caller caller;

    LedgerResource(LedgerService ledger, Caller caller) {
        this.ledger = ledger;
        this.caller = caller;
    }

    @GET
    @Path("/cooperatives/{id}/balance")
    @RolesAllowed({Role.COOPERATIVE_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Pending, available, in-transit and paid-out money per currency, summed from the ledger")
    public Uni<LedgerApi.BalanceList> balance(UUID id) {
        return ledger.balance(caller, id);
    }

    @GET
    @Path("/cooperatives/{id}/ledger")
    @RolesAllowed({Role.COOPERATIVE_NAME, Role.ADMIN_NAME})
    @Operation(summary = "The cooperative's own ledger entries, newest first")
    public Uni<Page<LedgerApi.EntryView>> entries(UUID id, @BeanParam PageParams paging) {
        return ledger.entries(caller, id, paging.request());
    }

    @GET
    @Path("/admin/ledger/trial-balance")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Debits and credits of the whole ledger per currency; they are always equal")
    public Uni<LedgerApi.TrialBalance> trialBalance() {
        return ledger.trialBalance();
    }
}
