package org.originlive.payout;

import java.util.ArrayList;
import java.util.List;
import org.originlive.ledger.AccountType;
import org.originlive.ledger.Bucket;
import org.originlive.ledger.LedgerEntry;
import org.originlive.ledger.Posting;

/** The ledger transactions a payout writes; each is balanced per currency. */
final class PayoutPostings {

    static final String REF_TYPE = "payout";

    private PayoutPostings() {}

    /** available → in transit. */
    static Posting submitted(StoredPayout p) {
        return new Posting(
                "PAYOUT_SUBMITTED",
                REF_TYPE,
                p.id(),
                List.of(
                        LedgerEntry.cooperative(p.cooperativeId(), Bucket.AVAILABLE, p.currency(), -p.amountMinor()),
                        LedgerEntry.cooperative(p.cooperativeId(), Bucket.IN_TRANSIT, p.currency(), p.amountMinor())));
    }

    /** in transit → paid out; a conversion is recorded in the destination currency too. */
    static Posting succeeded(StoredPayout p) {
        List<LedgerEntry> entries = new ArrayList<>(List.of(
                LedgerEntry.cooperative(p.cooperativeId(), Bucket.IN_TRANSIT, p.currency(), -p.amountMinor()),
                LedgerEntry.cooperative(p.cooperativeId(), Bucket.PAID_OUT, p.currency(), p.amountMinor())));
        if (!p.currency().equals(p.destinationCurrency())) {
            entries.add(
                    LedgerEntry.of(AccountType.PAYOUT_CLEARING, p.destinationCurrency(), p.destinationAmountMinor()));
            entries.add(LedgerEntry.of(AccountType.FX, p.destinationCurrency(), -p.destinationAmountMinor()));
        }
        return new Posting("PAYOUT_SUCCEEDED", REF_TYPE, p.id(), entries);
    }

    /** in transit → back to available. */
    static Posting failed(StoredPayout p) {
        return new Posting(
                "PAYOUT_FAILED",
                REF_TYPE,
                p.id(),
                List.of(
                        LedgerEntry.cooperative(p.cooperativeId(), Bucket.IN_TRANSIT, p.currency(), -p.amountMinor()),
                        LedgerEntry.cooperative(p.cooperativeId(), Bucket.AVAILABLE, p.currency(), p.amountMinor())));
    }
}
