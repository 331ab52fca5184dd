package org.originlive.ledger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A balanced set of entries caused by one business change ({@code refType}/{@code refId}: the
 * order, refund or payout). Entries of zero are dropped; the rest must sum to zero per currency.
 */
public record Posting(String type, String refType, UUID refId, List<LedgerEntry> entries) {

    public Posting {
        entries = entries.stream().filter(e -> e.amountMinor() != 0).toList();
        Map<String, Long> sums = new HashMap<>();
        entries.forEach(e -> sums.merge(e.currency(), e.amountMinor(), Math::addExact));
        sums.forEach((currency, sum) -> {
            if (sum != 0) {
                throw new IllegalStateException(
                        type + " for " + refType + " " + refId + " is off by " + sum + " " + currency);
            }
        });
    }
}
