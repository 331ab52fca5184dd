package org.originlive.ledger;

/** STUB for the payout branch: replaced by the integrator's ledger at merge. */
public enum Bucket {
    PENDING,
    AVAILABLE,
    IN_TRANSIT,
    PAID_OUT
}
