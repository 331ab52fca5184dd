package org.originlive.common;

import io.quarkus.logging.Log;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The relay of one outbox topic on this replica ({@link TopicRelays#of} makes one): rounds of
 * {@link Outbox#relay} run one at a time, each on a fresh duplicated Vert.x context (as a request
 * has: Hibernate Reactive wants one of its own), a round now or right after the running one; a
 * full round is followed by another at once. Topics whose messages name a row of their feature's
 * own table (an SMS, an email, a push notice, a webhook delivery: key and payload are its id)
 * queue them with {@link #queue}; rows due again go back through {@link #sweep}.
 */
public final class TopicRelay {

    /** How a round delivers its messages. */
    public enum Pace {
        /** One after another, in order. */
        IN_TURN,
        /** All at once: one slow receiver does not hold up the others of the round. */
        TOGETHER
    }

    private final Outbox outbox;
    private final Transactions transactions;
    private final Vertx vertx;
    private final TopicRelays.Spec spec;
    private final OutageLog outages;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    TopicRelay(Outbox outbox, Transactions transactions, Vertx vertx, TopicRelays.Spec spec) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.vertx = vertx;
        this.spec = spec;
        this.outages = new OutageLog(spec.name() + " relay");
    }

    /** Relays the topic after every commit that adds to it, from now on. */
    public void start() {
        outbox.onAdded(spec.topic(), this::wake);
    }

    /** Queues rows by id in {@code tx} (key and payload: the id); they go out after it commits. */
    public Uni<Void> queue(Tx tx, List<UUID> ids) {
        return Multi.createFrom()
                .iterable(ids)
                .onItem()
                .transformToUniAndConcatenate(id -> outbox.add(tx, spec.topic(), id.toString(), id.toString()))
                .collect()
                .last()
                .replaceWithVoid();
    }

    /**
     * Every replica, on its feature's schedule: the rows {@code due} again re-enter
     * the outbox, then a round relays them and whatever other replicas left.
     */
    public Uni<Void> sweep(Function<Tx, Uni<List<UUID>>> due) {
        return outages.watch(transactions
                .inTransaction(tx -> due.apply(tx).flatMap(ids -> queue(tx, ids)))
                .invoke(x -> wake()));
    }

    /** A round now, or right after the running one. */
    public void wake() {
        again.set(true);
        if (running.compareAndSet(false, true)) {
            launch();
        }
    }

    private void launch() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(x -> round());
    }

    private void round() {
        again.set(false);
        outbox.relay(spec.topic(), spec.batch(), Outbox.Repeats.NOTICED, messages -> {
                    Multi<Outbox.Message> each = Multi.createFrom().iterable(messages);
                    Multi<Void> delivered = spec.pace() == Pace.TOGETHER
                            ? each.onItem()
                                    .transformToUniAndMerge(m -> spec.deliver().apply(m.payload()))
                            : each.onItem().transformToUniAndConcatenate(m -> spec.deliver()
                                    .apply(m.payload()));
                    return delivered.collect().last().replaceWithVoid();
                })
                .subscribe()
                .with(count -> finish(count == spec.batch()), failure -> {
                    Log.debugf("%s: messages stay in the outbox for now: %s", spec.name(), failure.toString());
                    finish(false);
                });
    }

    private void finish(boolean more) {
        running.set(false);
        if ((more || again.get()) && running.compareAndSet(false, true)) {
            launch();
        }
    }
}
