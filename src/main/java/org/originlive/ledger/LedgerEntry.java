package org.originlive.ledger;

import java.util.UUID;

/** STUB for the payout branch: replaced by the integrator's ledger at merge. */
public record LedgerEntry(
        AccountType account, UUID cooperativeId, Bucket bucket, String currency, long amountMinor, UUID fulfillmentId) {

    public static LedgerEntry cooperative(UUID cooperativeId, Bucket bucket, String currency, long amountMinor) {
        return new LedgerEntry(AccountType.COOPERATIVE, cooperativeId, bucket, currency, amountMinor, null);
    }

    public static LedgerEntry of(AccountType account, String currency, long amountMinor) {
        return new LedgerEntry(account, null, null, currency, amountMinor, null);
    }
}
