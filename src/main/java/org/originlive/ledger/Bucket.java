package org.originlive.ledger;

/** Where a cooperative's money stands: sold, free to pay out, on its way, or received. */
public enum Bucket {
    PENDING,
    AVAILABLE,
    IN_TRANSIT,
    PAID_OUT
}
