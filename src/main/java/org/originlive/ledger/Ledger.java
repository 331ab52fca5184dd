package org.originlive.ledger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.originlive.common.OwnsTables;

/**
 * STUB for the payout branch, with the integrator's signatures: one table of entries created at
 * start-up. Deleted at merge in favour of main's ledger package.
 */
@ApplicationScoped
@OwnsTables("ledger_stub_entry")
public class Ledger {

    private final Pool pool;

    Ledger(Pool pool) {
        this.pool = pool;
    }

    void create(@Observes StartupEvent start) {
        pool.query("CREATE TABLE IF NOT EXISTS ledger_stub_entry (transaction_id uuid NOT NULL, type text NOT NULL,"
                        + " ref_id uuid, account text NOT NULL, cooperative_id uuid, bucket text, currency text NOT NULL,"
                        + " amount_minor bigint NOT NULL, created_at timestamptz NOT NULL)")
                .execute()
                .await()
                .indefinitely();
    }

    /** Writes one balanced transaction in the caller's SQL transaction; unbalanced → IllegalStateException. */
    public Uni<UUID> post(SqlClient tx, Posting posting, Instant now) {
        Map<String, Long> sums = new HashMap<>();
        posting.entries().forEach(e -> sums.merge(e.currency(), e.amountMinor(), Math::addExact));
        if (sums.values().stream().anyMatch(sum -> sum != 0)) {
            throw new IllegalStateException("Unbalanced posting " + posting);
        }
        UUID id = UUID.randomUUID();
        return tx.preparedQuery("INSERT INTO ledger_stub_entry VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .executeBatch(posting.entries().stream()
                        .map(e -> Tuple.from(new Object[] {
                            id,
                            posting.type(),
                            posting.refId(),
                            e.account().name(),
                            e.cooperativeId(),
                            e.bucket() == null ? null : e.bucket().name(),
                            e.currency(),
                            e.amountMinor(),
                            now.atOffset(ZoneOffset.UTC)
                        }))
                        .toList())
                .replaceWith(id);
    }

    /** Transaction-scoped lock serialising balance checks of one cooperative (pg_advisory_xact_lock). */
    public Uni<Void> lock(SqlClient tx, UUID cooperativeId) {
        return tx.preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
                .execute(Tuple.of(cooperativeId.toString()))
                .replaceWithVoid();
    }

    /** A cooperative's balance in one bucket and currency, as seen by this transaction. */
    public Uni<Long> balance(SqlClient tx, UUID cooperativeId, String currency, Bucket bucket) {
        return tx.preparedQuery("SELECT coalesce(sum(amount_minor), 0) AS b FROM ledger_stub_entry"
                        + " WHERE cooperative_id = $1 AND currency = $2 AND bucket = $3")
                .execute(Tuple.of(cooperativeId, currency, bucket.name()))
                .map(rows -> rows.iterator().next().getLong("b"));
    }
}
