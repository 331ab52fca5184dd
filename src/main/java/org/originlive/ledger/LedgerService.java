package org.originlive.ledger;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.originlive.common.Caller;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;

/** Reads of the ledger, each scoped to the cooperative the caller may see. */
@ApplicationScoped
public class LedgerService {

    private final Ledger ledger;

    LedgerService(Ledger ledger) {
        this.ledger = ledger;
    }

    public Uni<LedgerApi.BalanceList> balance(Caller caller, UUID cooperativeId) {
        caller.requireCooperative(cooperativeId);
        return ledger.balances(cooperativeId).map(LedgerApi.BalanceList::new);
    }

    public Uni<Page<LedgerApi.EntryView>> entries(Caller caller, UUID cooperativeId, PageRequest page) {
        caller.requireCooperative(cooperativeId);
        return ledger.entries(cooperativeId, page);
    }

    public Uni<LedgerApi.TrialBalance> trialBalance() {
        return ledger.trialBalance().map(LedgerApi.TrialBalance::new);
    }
}
