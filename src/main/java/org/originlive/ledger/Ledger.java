package org.originlive.ledger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/**
 * The one writer of the ledger. Postings join the caller's SQL transaction, so money moves
 * exactly when the business change that causes it commits; PostgreSQL refuses unbalanced
 * transactions at commit and any UPDATE or DELETE of what was written (V12).
 */
@ApplicationScoped
@OwnsTables({"ledger_transaction", "ledger_entry"})
public class Ledger {

    private final Tx db;

    Ledger(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    public Uni<UUID> post(Tx tx, Posting posting, Instant now) {
        UUID id = UUID.randomUUID();
        List<Tuple> rows = new ArrayList<>();
        for (LedgerEntry e : posting.entries()) {
            rows.add(Tuple.from(Arrays.asList(
                    UUID.randomUUID(),
                    id,
                    e.account().name(),
                    e.cooperativeId(),
                    e.bucket() == null ? null : e.bucket().name(),
                    e.fulfillmentId(),
                    e.currency(),
                    e.amountMinor(),
                    now.atOffset(ZoneOffset.UTC))));
        }
        Uni<Void> header = tx.sql()
                .preparedQuery("INSERT INTO ledger_transaction (id, type, ref_type, ref_id, created_at)"
                        + " VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(id, posting.type(), posting.refType(), posting.refId(), now.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
        if (rows.isEmpty()) {
            return header.replaceWith(id);
        }
        return header.flatMap(x -> tx.sql()
                        .preparedQuery("INSERT INTO ledger_entry (id, transaction_id, account,"
                                + " cooperative_id, bucket, fulfillment_id, currency, amount_minor, created_at)"
                                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                        .executeBatch(rows))
                .replaceWith(id);
    }

    /** Serialises read-then-post sequences (payouts, refunds) of one cooperative until commit. */
    public Uni<Void> lock(Tx tx, UUID cooperativeId) {
        return tx.sql()
                .preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
                .execute(Tuple.of("ledger:" + cooperativeId))
                .replaceWithVoid();
    }

    public Uni<Long> balance(Tx tx, UUID cooperativeId, String currency, Bucket bucket) {
        return tx.sql()
                .preparedQuery("SELECT coalesce(sum(amount_minor), 0) AS balance FROM ledger_entry"
                        + " WHERE cooperative_id = $1 AND currency = $2 AND bucket = $3")
                .execute(Tuple.of(cooperativeId, currency, bucket.name()))
                .map(rows -> rows.iterator().next().getLong("balance"));
    }

    /** What of one fulfilment's net still sits in its cooperative's given bucket. */
    public Uni<Long> fulfillmentBalance(Tx tx, UUID fulfillmentId, Bucket bucket) {
        return tx.sql()
                .preparedQuery("SELECT coalesce(sum(amount_minor), 0) AS balance FROM ledger_entry"
                        + " WHERE fulfillment_id = $1 AND account = 'COOPERATIVE' AND bucket = $2")
                .execute(Tuple.of(fulfillmentId, bucket.name()))
                .map(rows -> rows.iterator().next().getLong("balance"));
    }

    public Uni<List<LedgerApi.Balance>> balances(UUID cooperativeId) {
        return db.sql()
                .preparedQuery("SELECT currency,"
                        + " coalesce(sum(amount_minor) FILTER (WHERE bucket = 'PENDING'), 0) AS pending,"
                        + " coalesce(sum(amount_minor) FILTER (WHERE bucket = 'AVAILABLE'), 0) AS available,"
                        + " coalesce(sum(amount_minor) FILTER (WHERE bucket = 'IN_TRANSIT'), 0) AS in_transit,"
                        + " coalesce(sum(amount_minor) FILTER (WHERE bucket = 'PAID_OUT'), 0) AS paid_out"
                        + " FROM ledger_entry WHERE cooperative_id = $1 GROUP BY currency ORDER BY currency")
                .execute(Tuple.of(cooperativeId))
                .map(rows -> {
                    List<LedgerApi.Balance> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new LedgerApi.Balance(
                            r.getString("currency"),
                            r.getLong("pending"),
                            r.getLong("available"),
                            r.getLong("in_transit"),
                            r.getLong("paid_out"))));
                    return list;
                });
    }

    /** The cooperative's own entries, newest first. */
    public Uni<Page<LedgerApi.EntryView>> entries(UUID cooperativeId, PageRequest page) {
        Uni<List<LedgerApi.EntryView>> items = db.sql()
                .preparedQuery("SELECT e.id, e.transaction_id, t.type, e.bucket,"
                        + " e.amount_minor, e.currency, e.created_at, t.ref_type, t.ref_id FROM ledger_entry e"
                        + " JOIN ledger_transaction t ON t.id = e.transaction_id WHERE e.cooperative_id = $1"
                        + " ORDER BY e.seq DESC LIMIT $2 OFFSET $3")
                .execute(Tuple.of(cooperativeId, page.size(), page.offset()))
                .map(rows -> {
                    List<LedgerApi.EntryView> list = new ArrayList<>();
                    rows.forEach(r -> list.add(entry(r)));
                    return list;
                });
        Uni<Long> total = db.sql()
                .preparedQuery("SELECT count(*) AS n FROM ledger_entry WHERE cooperative_id = $1")
                .execute(Tuple.of(cooperativeId))
                .map(rows -> rows.iterator().next().getLong("n"));
        return Uni.combine()
                .all()
                .unis(items, total)
                .asTuple()
                .map(t -> new Page<>(t.getItem1(), page.page(), page.size(), t.getItem2()));
    }

    /** Debits (negative entries) and credits (positive ones) per currency over the whole ledger. */
    public Uni<List<LedgerApi.TrialBalanceLine>> trialBalance() {
        return db.sql()
                .preparedQuery("SELECT currency,"
                        + " coalesce(-sum(amount_minor) FILTER (WHERE amount_minor < 0), 0) AS debits,"
                        + " coalesce(sum(amount_minor) FILTER (WHERE amount_minor > 0), 0) AS credits"
                        + " FROM ledger_entry GROUP BY currency ORDER BY currency")
                .execute()
                .map(rows -> {
                    List<LedgerApi.TrialBalanceLine> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new LedgerApi.TrialBalanceLine(
                            r.getString("currency"), r.getLong("debits"), r.getLong("credits"))));
                    return list;
                });
    }

    private static LedgerApi.EntryView entry(Row r) {
        return new LedgerApi.EntryView(
                r.getUUID("id"),
                r.getUUID("transaction_id"),
                r.getString("type"),
                Bucket.valueOf(r.getString("bucket")),
                r.getLong("amount_minor"),
                r.getString("currency"),
                r.getOffsetDateTime("created_at").toInstant(),
                new LedgerApi.Ref(r.getString("ref_type"), r.getUUID("ref_id")));
    }
}
