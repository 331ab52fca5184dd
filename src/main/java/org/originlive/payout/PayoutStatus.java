package org.originlive.payout;

public enum PayoutStatus {
    SUBMITTED,
    SUCCEEDED,
    FAILED
}
