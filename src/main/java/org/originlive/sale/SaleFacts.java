package org.originlive.sale;

import java.time.Instant;
import java.util.UUID;

/** A sale without its items, as other features act on it: who hosts it, its state, times and currency. */
public record SaleFacts(UUID id, UUID hostId, SaleStatus status, Instant startsAt, Instant endsAt, String currency) {

    /** Open for chat, reactions and orders to come: SCHEDULED or LIVE. */
    public boolean isOpen() {
        return status == SaleStatus.SCHEDULED || status == SaleStatus.LIVE;
    }
}
