package org.originlive.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JSON shapes of balances, ledger entries and the trial balance. */
public final class LedgerApi {

    private LedgerApi() {}

    public record Balance(
            String currency, long pendingMinor, long availableMinor, long inTransitMinor, long paidOutMinor) {}

    public record BalanceList(List<Balance> items) {}

    /** What caused an entry: the order, refund or payout. */
    public record Ref(String type, UUID id) {}

    public record EntryView(
            UUID id,
            UUID transactionId,
            String type,
            Bucket bucket,
            long amountMinor,
            String currency,
            Instant createdAt,
            Ref ref) {}

    public record TrialBalanceLine(String currency, long debitsMinor, long creditsMinor) {}

    public record TrialBalance(List<TrialBalanceLine> items) {}
}
