package org.originlive.payment;

/** PENDING until the provider's word: SUCCEEDED, FAILED (never opened), CLOSED, or REFUNDED (a late payment given back). */
public enum PaymentStatus {
    PENDING,
    SUCCEEDED,
    FAILED,
    CLOSED,
    REFUNDED
}
