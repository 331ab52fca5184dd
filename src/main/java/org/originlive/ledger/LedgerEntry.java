package org.originlive.ledger;

import java.util.UUID;

/**
 * One line of a ledger transaction. Positive amounts grow the account. {@code fulfillmentId}
 * tags entries that concern one fulfilment, so its pending money can be released or refunded.
 */
public record LedgerEntry(
        AccountType account, UUID cooperativeId, Bucket bucket, String currency, long amountMinor, UUID fulfillmentId) {

    public LedgerEntry {
        if ((account == AccountType.COOPERATIVE) != (cooperativeId != null && bucket != null)) {
            throw new IllegalArgumentException("Only cooperative accounts have a cooperative and a bucket");
        }
    }

    public static LedgerEntry cooperative(UUID cooperativeId, Bucket bucket, String currency, long amountMinor) {
        return new LedgerEntry(AccountType.COOPERATIVE, cooperativeId, bucket, currency, amountMinor, null);
    }

    public static LedgerEntry of(AccountType account, String currency, long amountMinor) {
        return new LedgerEntry(account, null, null, currency, amountMinor, null);
    }

    /** The same entry, tagged with the fulfilment it concerns. */
    public LedgerEntry forFulfillment(UUID id) {
        return new LedgerEntry(account, cooperativeId, bucket, currency, amountMinor, id);
    }
}
