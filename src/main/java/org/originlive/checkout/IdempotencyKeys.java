package org.originlive.checkout;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Tx;

/**
 * Idempotency records of both checkout paths, keyed by (buyer, key) with a hash of the request.
 * The unique key settles races: a racing claim waits for the first one's transaction to end.
 */
@ApplicationScoped
@OwnsTables("idempotency_key")
public class IdempotencyKeys {

    /** A (buyer, key) claim for a new order. */
    public record Claim(UUID buyerId, String key, String requestHash, UUID orderId) {}

    /** What an earlier request stored under a key. */
    public record Earlier(String requestHash, UUID orderId) {}

    /**
     * Claims the keys (callers sort them, the lock order); per claim, true when this call made it.
     * A claim that lost must be looked up with {@link #find}.
     */
    public Uni<List<Boolean>> claimAll(Tx tx, List<Claim> claims) {
        if (claims.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Tuple> rows = claims.stream()
                .map(c -> Tuple.of(c.buyerId(), c.key(), c.requestHash(), c.orderId()))
                .toList();
        return tx.sql()
                .preparedQuery("INSERT INTO idempotency_key (buyer_id, key, request_hash, order_id)"
                        + " VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING order_id")
                .executeBatch(rows)
                .map(result -> each(result, claims.size(), set -> set.size() > 0));
    }

    /** What earlier requests stored under these (buyer, key) pairs; empty where none did. */
    public Uni<List<Optional<Earlier>>> find(Tx tx, List<Claim> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Tuple> rows =
                keys.stream().map(c -> Tuple.of(c.buyerId(), c.key())).toList();
        return tx.sql()
                .preparedQuery("SELECT request_hash, order_id FROM idempotency_key WHERE buyer_id = $1 AND key = $2")
                .executeBatch(rows)
                .map(result -> each(
                        result,
                        keys.size(),
                        set -> set.size() == 0
                                ? Optional.<Earlier>empty()
                                : Optional.of(earlier(set.iterator().next()))));
    }

    /** Drops claims whose requests were refused, so the key can be used again. */
    public Uni<Void> dropAll(Tx tx, List<Claim> claims) {
        if (claims.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows =
                claims.stream().map(c -> Tuple.of(c.buyerId(), c.key())).toList();
        return tx.sql()
                .preparedQuery("DELETE FROM idempotency_key WHERE buyer_id = $1 AND key = $2")
                .executeBatch(rows)
                .replaceWithVoid();
    }

    private static Earlier earlier(Row row) {
        return new Earlier(row.getString("request_hash"), row.getUUID("order_id"));
    }

    private static <T> List<T> each(RowSet<Row> batch, int count, java.util.function.Function<RowSet<Row>, T> read) {
        List<T> out = new ArrayList<>(count);
        RowSet<Row> set = batch;
        for (int i = 0; i < count; i++) {
            out.add(read.apply(set));
            set = set.next();
        }
        return out;
    }
}
