package org.originlive.order;

public enum OrderStatus {
    RESERVED,
    PAID,
    CANCELLED,
    EXPIRED,
    PARTIALLY_REFUNDED,
    REFUNDED
}
