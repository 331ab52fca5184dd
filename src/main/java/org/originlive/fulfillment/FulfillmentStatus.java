package org.originlive.fulfillment;

import java.util.Set;

/** NEW → ACCEPTED → SHIPPED → DELIVERED; NEW or ACCEPTED → CANCELLED when the buyer cancels. */
public enum FulfillmentStatus {
    NEW,
    ACCEPTED,
    SHIPPED,
    DELIVERED,
    CANCELLED;

    public Set<FulfillmentStatus> allowedFrom() {
        return switch (this) {
            case NEW -> Set.of();
            case ACCEPTED -> Set.of(NEW);
            case SHIPPED -> Set.of(ACCEPTED);
            case DELIVERED -> Set.of(SHIPPED);
            case CANCELLED -> Set.of(NEW, ACCEPTED);
        };
    }
}
