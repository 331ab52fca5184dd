package org.originlive.common;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

/** Makes the {@link TopicRelay} of each outbox topic. */
@ApplicationScoped
public class TopicRelays {

    /**
     * A topic's relay: its name in logs, messages per round, how a round delivers them, and the
     * delivery of one message's payload (its failure keeps the round's messages in the outbox).
     */
    public record Spec(
            String topic, String name, int batch, TopicRelay.Pace pace, Function<String, Uni<Void>> deliver) {}

    private final Outbox outbox;
    private final Transactions transactions;
    private final Vertx vertx;

    TopicRelays(Outbox outbox, Transactions transactions, Vertx vertx) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.vertx = vertx;
    }

    public TopicRelay of(Spec spec) {
        return new TopicRelay(outbox, transactions, vertx, spec);
    }
}
