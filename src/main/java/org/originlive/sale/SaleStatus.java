package org.originlive.sale;

import java.util.EnumSet;
import java.util.Set;

/** SCHEDULED → LIVE → ENDED, and SCHEDULED or LIVE → CANCELLED. Nothing else. */
public enum SaleStatus {
    SCHEDULED,
    LIVE,
    ENDED,
    CANCELLED;

    /** The states from which a sale may move to this one. */
    public Set<SaleStatus> allowedFrom() {
        return switch (this) {
            case SCHEDULED -> EnumSet.noneOf(SaleStatus.class);
            case LIVE -> EnumSet.of(SCHEDULED);
            case ENDED -> EnumSet.of(LIVE);
            case CANCELLED -> EnumSet.of(SCHEDULED, LIVE);
        };
    }

    public boolean isOpen() {
        return this == SCHEDULED || this == LIVE;
    }

    public boolean isClosed() {
        return this == ENDED || this == CANCELLED;
    }
}
