package org.originlive.chat;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.originlive.common.Caller;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.common.Transactions;
import org.originlive.sale.SaleFacts;
import org.originlive.sale.SaleQueries;

/**
 * Reactions: each user counts at most {@code reactionsPerSecond} a second (fixed one-second
 * windows, per replica, so N replicas allow at most N times as many); counted ones add up in
 * memory and reach the database's totals in one statement per sale per flush, which NOTIFYs the
 * new totals to every replica. A replica that dies loses at most one flush of reactions.
 */
@ApplicationScoped
public class ReactionService {

    private final Transactions transactions;

    private record Window(long second, int count) {}

    private record Known(SaleFacts sale, long readAtMillis) {}

    private static final long SALE_CACHE_MILLIS = 1000;

    private final Map<UUID, Window> perUser = new ConcurrentHashMap<>();
    private final Map<UUID, long[]> pending = new ConcurrentHashMap<>();
    private final Map<UUID, Known> known = new ConcurrentHashMap<>();
    private final SaleQueries sales;
    private final ChatRepository chat;
    private final ReactionTotals reactionTotals;
    private final ChatEvents events;
    private final ChatMetrics metrics;
    private final ChatConfig config;
    private final Clock clock;

    ReactionService(
            Transactions transactions,
            SaleQueries sales,
            ChatRepository chat,
            ReactionTotals totals,
            ChatEvents events,
            ChatMetrics metrics,
            ChatConfig config,
            Clock clock) {
        this.transactions = transactions;
        this.sales = sales;
        this.chat = chat;
        this.reactionTotals = totals;
        this.events = events;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    /** Counts the reaction unless the user is over the limit; 404 for an unknown sale, 409 when closed. */
    public Uni<Void> react(Caller caller, UUID saleId, ChatApi.ReactionType type) {
        if (type == null) {
            throw ProblemException.invalid("type", "is required: like, heart or fire");
        }
        return sale(saleId)
                .invoke(sale -> {
                    if (!sale.isOpen()) {
                        throw new ProblemException(
                                ProblemType.CHAT_CLOSED, "Reactions are closed on a " + sale.status() + " sale");
                    }
                    boolean counted = admit(caller.id());
                    if (counted) {
                        pending.compute(saleId, (id, counts) -> {
                            long[] c = counts == null ? new long[3] : counts;
                            c[type.ordinal()]++;
                            return c;
                        });
                    }
                    metrics.reaction(counted);
                })
                .replaceWithVoid();
    }

    public Uni<ChatApi.Reactions> totals(UUID saleId) {
        return sale(saleId).flatMap(sale -> chat.extras(saleId)).map(ChatRepository.Extras::reactions);
    }

    private boolean admit(UUID userId) {
        long second = clock.millis() / 1000;
        Window window = perUser.compute(
                userId,
                (id, w) ->
                        w == null || w.second() != second ? new Window(second, 1) : new Window(second, w.count() + 1));
        return window.count() <= config.reactionsPerSecond();
    }

    private Uni<SaleFacts> sale(UUID saleId) {
        long now = clock.millis();
        Known cached = known.get(saleId);
        if (cached != null && now - cached.readAtMillis() < SALE_CACHE_MILLIS) {
            return Uni.createFrom().item(cached.sale());
        }
        return sales.facts(transactions.autoCommit(), saleId)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Sale", saleId)))
                .invoke(sale -> known.put(saleId, new Known(sale, now)));
    }

    // Only hands the writes on, so it runs on the event loop; a write that fails keeps its counts.
    @Scheduled(
            every = "${originlive.chat.reaction-flush-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @NonBlocking
    void flush() {
        long now = clock.millis();
        perUser.values().removeIf(w -> w.second() < now / 1000 - 1);
        known.values().removeIf(k -> now - k.readAtMillis() > SALE_CACHE_MILLIS);
        for (UUID saleId : pending.keySet()) {
            long[] counts = pending.remove(saleId);
            if (counts != null) {
                write(saleId, counts);
            }
        }
    }

    private void write(UUID saleId, long[] counts) {
        transactions
                .inTransaction(tx -> reactionTotals
                        .add(tx, saleId, counts[0], counts[1], counts[2])
                        .flatMap(sum -> events.publish(tx, ChatEvent.reactions(saleId, sum))))
                .subscribe()
                .with(ok -> {}, failure -> {
                    // Kept for the next flush rather than lost while the database is away.
                    Log.warnf("Reactions of sale %s not saved yet: %s", saleId, failure.toString());
                    pending.merge(saleId, counts, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]});
                });
    }
}
