package org.originlive.order;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.originlive.common.Periodic;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;
import org.originlive.payment.PaymentClosing;

/**
 * Expires unpaid orders after their hold and gives their stock back. Every replica runs it;
 * {@code FOR UPDATE SKIP LOCKED} hands each order to exactly one of them.
 */
@ApplicationScoped
public class ReservationExpiry {

    private final Transactions transactions;

    private static final int BATCH = 100;

    private final OrderRepository orders;
    private final Restock restock;
    private final PaymentClosing closing;
    private final OrderMetrics metrics;
    private final OrderConfig config;
    private final Vertx vertx;
    private final Clock clock;
    private Periodic timer;

    ReservationExpiry(
            Transactions transactions,
            OrderRepository orders,
            Restock restock,
            PaymentClosing closing,
            OrderMetrics metrics,
            OrderConfig config,
            Vertx vertx,
            Clock clock) {
        this.transactions = transactions;
        this.orders = orders;
        this.restock = restock;
        this.closing = closing;
        this.metrics = metrics;
        this.config = config;
        this.vertx = vertx;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        timer = Periodic.start(vertx, "Reservation expiry", config.expiryInterval(), this::expireDue);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.stop();
        }
    }

    /** One round: expires up to a batch of due orders in one transaction; returns how many. */
    Uni<Integer> expireDue() {
        Instant now = clock.instant();
        // Their PENDING payments are closed at the provider first (no lock held meanwhile): one
        // paid at the last moment makes its order PAID, and the round below skips it.
        return orders.lockExpired(transactions.autoCommit(), now, BATCH)
                .flatMap(closing::beforeExpiry)
                .flatMap(closed -> transactions.inTransaction(
                        tx -> orders.lockExpired(tx, now, BATCH).flatMap(ids -> {
                            Uni<Void> chain = Uni.createFrom().voidItem();
                            for (UUID id : ids) {
                                chain = chain.flatMap(x -> expire(tx, id, now));
                            }
                            return chain.replaceWith(ids.size());
                        })))
                .invoke(count -> {
                    if (count > 0) {
                        metrics.expired(count);
                        Log.infof("Expired %d unpaid orders", count);
                    }
                });
    }

    private Uni<Void> expire(Tx tx, UUID id, Instant now) {
        return orders.find(tx, id, false)
                .flatMap(order -> orders.close(tx, id, OrderStatus.RESERVED, OrderStatus.EXPIRED, now)
                        .flatMap(x -> orders.lines(tx, id))
                        .flatMap(lines -> restock.giveBack(tx, order.get(), lines)));
    }
}
