package org.originlive.common;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The one outbox: a message is written in the transaction that makes it ({@link #add}) and
 * delivered after commit by a relay ({@link #relay}). Rows of one topic and key (a sale) go out
 * in the order they were written and by one replica at a time: a relay round takes a
 * transaction-scoped advisory lock per key (keys another replica holds are skipped, as
 * {@code SKIP LOCKED} skips rows), delivers, and deletes what it delivered before it commits. A
 * relay that dies mid-round rolls back: its rows are delivered again by the next round
 * (at least once; receivers drop repeats, for sale events by {@code seq}). Where repeats are
 * harmless the delete commits asynchronously ({@link Repeats}), so relaying adds no WAL flush.
 */
@ApplicationScoped
@OwnsTables("outbox")
public class Outbox {

    /** A message as written: its id orders it within its key. */
    public record Message(long id, String key, String payload) {}

    private static final int KEYS_PER_ROUND = 200;

    private final Transactions transactions;
    private final Map<String, Runnable> relays = new ConcurrentHashMap<>();

    Outbox(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Writes a message in {@code tx}; the topic's relay is woken once {@code tx} commits. */
    public Uni<Void> add(Tx tx, String topic, String key, String payload) {
        return tx.sql()
                .preparedQuery("INSERT INTO outbox (topic, key, payload) VALUES ($1, $2, $3)")
                .execute(Tuple.of(topic, key, payload))
                .invoke(x -> tx.afterCommit(() -> wake(topic)))
                .replaceWithVoid();
    }

    /** The relay of {@code topic} on this replica: run after every commit that added to it. */
    public void onAdded(String topic, Runnable relay) {
        relays.put(topic, relay);
    }

    private void wake(String topic) {
        Runnable relay = relays.get(topic);
        if (relay != null) {
            relay.run();
        }
    }

    /** What a repeated delivery costs the receivers, which decides how a round's deletions commit. */
    public enum Repeats {
        /**
         * Receivers drop repeats (sale events, by {@code seq}): the round's delete commits without
         * waiting for the WAL flush. A crash in that moment delivers those rows once more; nothing
         * is lost, and the relay costs the database no fsync of its own.
         */
        HARMLESS,
        /** A repeat would be noticed (a text message, an email): the delete is durable before the round ends. */
        NOTICED
    }

    /** One relay round whose deletions are durable before it ends ({@link Repeats#NOTICED}). */
    public Uni<Integer> relay(String topic, int limit, Function<List<Message>, Uni<Void>> deliver) {
        return relay(topic, limit, Repeats.NOTICED, deliver);
    }

    /**
     * One relay round: up to {@code limit} messages of keys no other replica is relaying, in
     * order, handed to {@code deliver}; deleted when it succeeds, kept when it fails. The count
     * delivered.
     */
    public Uni<Integer> relay(String topic, int limit, Repeats repeats, Function<List<Message>, Uni<Void>> deliver) {
        return transactions.inTransaction(tx -> tx.sql()
                .preparedQuery("SELECT o.id, o.key, o.payload FROM outbox o WHERE o.topic = $1 AND o.key IN ("
                        + " SELECT k.key FROM (SELECT DISTINCT key FROM outbox WHERE topic = $1 LIMIT $3) k"
                        + " WHERE pg_try_advisory_xact_lock(hashtextextended($1 || ':' || k.key, 0)))"
                        + " ORDER BY o.id LIMIT $2")
                .execute(Tuple.of(topic, limit, KEYS_PER_ROUND))
                .flatMap(rows -> {
                    List<Message> messages = new ArrayList<>();
                    for (Row r : rows) {
                        messages.add(new Message(r.getLong("id"), r.getString("key"), r.getString("payload")));
                    }
                    if (messages.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return deliver.apply(messages)
                            .flatMap(x -> delete(tx, messages, repeats))
                            .replaceWith(messages.size());
                }));
    }

    private static Uni<Void> delete(Tx tx, List<Message> messages, Repeats repeats) {
        Long[] ids = messages.stream().map(Message::id).toArray(Long[]::new);
        Uni<Void> commitMode = repeats == Repeats.HARMLESS
                ? tx.sql()
                        .query("SET LOCAL synchronous_commit TO off")
                        .execute()
                        .replaceWithVoid()
                : Uni.createFrom().voidItem();
        return commitMode.flatMap(x -> tx.sql()
                .preparedQuery("DELETE FROM outbox WHERE id = ANY($1)")
                .execute(Tuple.of(ids))
                .replaceWithVoid());
    }

    /** How long the topic's oldest undelivered message has waited; empty when none waits. */
    public Uni<Optional<Duration>> oldest(String topic) {
        return transactions
                .autoCommit()
                .sql()
                .preparedQuery("SELECT min(created_at) AS oldest, now() AS now FROM outbox WHERE topic = $1")
                .execute(Tuple.of(topic))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    OffsetDateTime oldest = r.getOffsetDateTime("oldest");
                    return oldest == null
                            ? Optional.empty()
                            : Optional.of(Duration.between(oldest, r.getOffsetDateTime("now")));
                });
    }

    /** How long each topic's oldest undelivered message has waited, for topics with any. */
    public Uni<Map<String, Duration>> ages() {
        return transactions
                .autoCommit()
                .sql()
                .query("SELECT topic, extract(epoch FROM now() - min(created_at)) AS age FROM outbox GROUP BY topic")
                .execute()
                .map(rows -> {
                    Map<String, Duration> ages = new java.util.HashMap<>();
                    for (Row r : rows) {
                        ages.put(r.getString("topic"), Duration.ofMillis((long) (r.getDouble("age") * 1000)));
                    }
                    return ages;
                });
    }

    /** The topics whose relays run on this replica. */
    public java.util.Set<String> topics() {
        return java.util.Set.copyOf(relays.keySet());
    }
}
