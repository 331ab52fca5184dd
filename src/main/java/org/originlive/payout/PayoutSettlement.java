package org.originlive.payout;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.CooperativeEvents;
import org.originlive.common.Transactions;
import org.originlive.ledger.Ledger;

/**
 * The one place a payout leaves SUBMITTED: a conditional update and its ledger posting in one
 * transaction. Whatever callbacks, polls and admins race, exactly one of them settles it.
 */
@ApplicationScoped
public class PayoutSettlement {

    private final Transactions transactions;

    private final PayoutRepository payouts;
    private final Ledger ledger;
    private final CooperativeEvents events;
    private final Clock clock;

    PayoutSettlement(
            Transactions transactions, PayoutRepository payouts, Ledger ledger, CooperativeEvents events, Clock clock) {
        this.transactions = transactions;
        this.payouts = payouts;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    /** The settled payout, or empty when it had already left SUBMITTED (nothing changed). */
    Uni<Optional<StoredPayout>> settle(UUID id, PayoutStatus to, String transactionId, String failureReason) {
        Instant now = clock.instant();
        return transactions.inTransaction(tx -> payouts.settle(tx, id, to, transactionId, failureReason, now)
                .flatMap(settled -> settled.isEmpty()
                        ? Uni.createFrom().item(settled)
                        : ledger.post(
                                        tx,
                                        to == PayoutStatus.SUCCEEDED
                                                ? PayoutPostings.succeeded(settled.get())
                                                : PayoutPostings.failed(settled.get()),
                                        now)
                                .flatMap(x -> events.tell(
                                        tx,
                                        to == PayoutStatus.SUCCEEDED
                                                ? CooperativeEvents.PAYOUT_SUCCEEDED
                                                : CooperativeEvents.PAYOUT_FAILED,
                                        settled.get().cooperativeId(),
                                        Uni.createFrom().item(settled.get().view())))
                                .replaceWith(settled)));
    }

    /** Applies a provider's final answer; other answers change nothing. */
    Uni<Boolean> apply(UUID id, PayoutProvider.Answer answer) {
        return switch (answer.outcome()) {
            case SUCCEEDED -> settle(id, PayoutStatus.SUCCEEDED, answer.detail(), null)
                    .map(Optional::isPresent);
            case FAILED -> settle(id, PayoutStatus.FAILED, null, answer.detail() == null ? "FAILED" : answer.detail())
                    .map(Optional::isPresent);
            default -> Uni.createFrom().item(false);
        };
    }
}
