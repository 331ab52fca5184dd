package org.originlive.ledger;

/** The kinds of ledger account; only {@link #COOPERATIVE} accounts have buckets. */
public enum AccountType {
    /** What the platform owes a cooperative, split into {@link Bucket}s. */
    COOPERATIVE,
    /** The platform's own fees. */
    PLATFORM_FEES,
    /** Buyers' money held by the payment provider for the platform (negative: money held for others). */
    PAYMENT_CLEARING,
    /** Money sent through payout providers, in the destination currency. */
    PAYOUT_CLEARING,
    /** Currency conversion of payouts. */
    FX
}
