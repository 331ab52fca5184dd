package org.originlive.ledger;

/** STUB for the payout branch: replaced by the integrator's ledger at merge. */
public enum AccountType {
    COOPERATIVE,
    PLATFORM_FEES,
    PAYMENT_CLEARING,
    PAYOUT_CLEARING,
    FX
}
