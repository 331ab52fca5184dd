package org.originlive.payout;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.Rows;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/**
 * Payout rows. Status changes are conditional ({@code WHERE status = 'SUBMITTED'}), so of two
 * racing settlements exactly one changes the row, and only that one posts to the ledger. Raw SQL:
 * every write shares the money transaction of the ledger lock and postings (SQL client).
 */
@ApplicationScoped
@OwnsTables("payout")
public class PayoutRepository {

    private final Tx db;

    PayoutRepository(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    Uni<Void> insert(Tx tx, StoredPayout p, String key, Instant firstPoll) {
        return tx.sql()
                .preparedQuery(
                        "INSERT INTO payout (id, cooperative_id, idempotency_key, request_hash, amount_minor,"
                                + " currency, destination_amount_minor, destination_currency, fx_rate, provider, account_name,"
                                + " account_number, status, provider_reference, next_poll_at, created_at, updated_at)"
                                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'SUBMITTED', $13, $14, $15, $15)")
                .execute(Tuple.from(Arrays.asList(
                        p.id(),
                        p.cooperativeId(),
                        key,
                        p.requestHash(),
                        p.amountMinor(),
                        p.currency(),
                        p.destinationAmountMinor(),
                        p.destinationCurrency(),
                        p.fxRate(),
                        p.provider().name(),
                        p.accountName(),
                        p.accountNumber(),
                        p.providerReference(),
                        firstPoll == null ? null : firstPoll.atOffset(ZoneOffset.UTC),
                        p.createdAt().atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    Uni<Optional<StoredPayout>> byKey(Tx client, UUID cooperativeId, String key) {
        return client.sql()
                .preparedQuery("SELECT " + StoredPayout.COLUMNS
                        + " FROM payout WHERE cooperative_id = $1 AND idempotency_key = $2")
                .execute(Tuple.of(cooperativeId, key))
                .map(rows -> Rows.first(rows).map(StoredPayout::from));
    }

    Uni<Optional<StoredPayout>> find(Tx client, UUID id) {
        return client.sql()
                .preparedQuery("SELECT " + StoredPayout.COLUMNS + " FROM payout WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> Rows.first(rows).map(StoredPayout::from));
    }

    Uni<Page<PayoutApi.Payout>> page(UUID cooperativeId, PageRequest page) {
        Uni<List<PayoutApi.Payout>> items = db.sql()
                .preparedQuery("SELECT " + StoredPayout.COLUMNS
                        + " FROM payout WHERE cooperative_id = $1 ORDER BY created_at DESC, id LIMIT $2 OFFSET $3")
                .execute(Tuple.of(cooperativeId, page.size(), page.offset()))
                .map(rows -> {
                    List<PayoutApi.Payout> out = new java.util.ArrayList<>();
                    rows.forEach(r -> out.add(StoredPayout.from(r).view()));
                    return out;
                });
        Uni<Long> total = db.sql()
                .preparedQuery("SELECT count(*) AS n FROM payout WHERE cooperative_id = $1")
                .execute(Tuple.of(cooperativeId))
                .map(rows -> rows.iterator().next().getLong("n"));
        return Uni.combine()
                .all()
                .unis(items, total)
                .asTuple()
                .map(t -> new Page<>(t.getItem1(), page.page(), page.size(), t.getItem2()));
    }

    /** SUBMITTED → {@code to}; the settled row, or empty when it was not SUBMITTED any more. */
    Uni<Optional<StoredPayout>> settle(
            Tx tx, UUID id, PayoutStatus to, String transactionId, String failureReason, Instant now) {
        return tx.sql()
                .preparedQuery("UPDATE payout SET status = $2, provider_transaction_id = coalesce($3,"
                        + " provider_transaction_id), failure_reason = $4, next_poll_at = NULL, updated_at = $5"
                        + " WHERE id = $1 AND status = 'SUBMITTED' RETURNING " + StoredPayout.COLUMNS)
                .execute(Tuple.of(id, to.name(), transactionId, failureReason, now.atOffset(ZoneOffset.UTC)))
                .map(rows -> Rows.first(rows).map(StoredPayout::from));
    }

    /** Records what a send or status query learnt about the provider's side while still SUBMITTED. */
    Uni<Void> dispatched(UUID id, String dispatch, Instant now) {
        return db.sql()
                .preparedQuery("UPDATE payout SET dispatch = $2, updated_at = $3"
                        + " WHERE id = $1 AND status = 'SUBMITTED' AND dispatch <> 'ACCEPTED'")
                .execute(Tuple.of(id, dispatch, now.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    /**
     * Claims up to {@code limit} payouts due a status query and pushes each one's next query out
     * by its back-off (base × 2^attempts, capped), so one replica at a time asks about it.
     */
    Uni<List<StoredPayout>> claimDue(Instant now, Duration base, Duration cap, int limit) {
        return db.sql()
                .preparedQuery("UPDATE payout SET attempts = attempts + 1, next_poll_at = $1"
                        + " + least($2 * power(2, least(attempts, 30)), $3) * interval '1 millisecond'"
                        + " WHERE id IN (SELECT id FROM payout WHERE status = 'SUBMITTED' AND next_poll_at <= $1"
                        + " ORDER BY next_poll_at LIMIT $4 FOR UPDATE SKIP LOCKED) RETURNING " + StoredPayout.COLUMNS)
                .execute(Tuple.of(
                        now.atOffset(ZoneOffset.UTC), (double) base.toMillis(), (double) cap.toMillis(), limit))
                .map(rows -> {
                    List<StoredPayout> out = new java.util.ArrayList<>();
                    rows.forEach(r -> out.add(StoredPayout.from(r)));
                    return out;
                });
    }
}
