package org.originlive.refund;

public enum RefundStatus {
    REQUESTED,
    SUCCEEDED,
    REJECTED
}
