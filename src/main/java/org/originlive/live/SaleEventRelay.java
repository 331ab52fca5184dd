package org.originlive.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.originlive.common.Outbox;
import org.originlive.common.Periodic;
import org.originlive.sale.SaleEvents;

/**
 * With {@code ORIGINLIVE_BUS=nats}: publishes committed sale events from the outbox to NATS, in
 * {@code seq} order per sale and for each sale on one replica at a time (the outbox's advisory
 * lock per sale). Woken by every local commit that wrote events, and once a second for rows other
 * replicas left (a replica that died, NATS that was away). Restart-safe: rows leave the outbox
 * only after NATS confirmed them; a repeat after a crash is dropped by viewers by {@code seq}.
 */
@ApplicationScoped
public class SaleEventRelay {

    private static final int BATCH = 500;

    private final Outbox outbox;
    private final NatsBus nats;
    private final Vertx vertx;
    private final LiveConfig config;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicLong oldestMillis = new AtomicLong();
    private volatile long roundStarted;
    private Periodic timer;

    SaleEventRelay(Outbox outbox, NatsBus nats, Vertx vertx, LiveConfig config, MeterRegistry registry) {
        this.outbox = outbox;
        this.nats = nats;
        this.vertx = vertx;
        this.config = config;
        Gauge.builder("originlive.bus.outbox.oldest.seconds", oldestMillis, v -> v.get() / 1000.0)
                .description("Age of the oldest sale event not yet on NATS (the bus's lag)")
                .register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (!nats.enabled()) {
            return;
        }
        outbox.onAdded(SaleEvents.TOPIC, this::wake);
        timer = Periodic.start(vertx, "Sale event relay", config.relayEvery(), () -> {
            wake();
            return outbox.oldest(SaleEvents.TOPIC)
                    .invoke(age -> oldestMillis.set(age.map(Duration::toMillis).orElse(0L)));
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.stop();
        }
    }

    /** Runs a round soon, or after the one running (coalesced: any number of wakes, one round after). */
    void wake() {
        again.set(true);
        if (running.compareAndSet(false, true)) {
            startPaced();
        }
    }

    private void drain() {
        again.set(false);
        roundStarted = System.nanoTime();
        round().subscribe()
                .with(
                        count -> {
                            if (count == BATCH) {
                                again.set(true);
                            }
                            finish();
                        },
                        failure -> {
                            Log.debugf("Sale events stay in the outbox for now: %s", failure.toString());
                            again.set(false); // NATS is away: the periodic round tries again
                            finish();
                        });
    }

    private void finish() {
        running.set(false);
        if (again.get() && running.compareAndSet(false, true)) {
            startPaced();
        }
    }

    /** A round starts a pace after the previous one started, at the earliest (rounds never overlap). */
    private void startPaced() {
        long waitMillis = config.relayPace().toMillis() - (System.nanoTime() - roundStarted) / 1_000_000;
        if (waitMillis < 1) {
            vertx.runOnContext(this::drain);
        } else {
            vertx.setTimer(waitMillis, id -> drain());
        }
    }

    Uni<Integer> round() {
        return outbox.relay(SaleEvents.TOPIC, BATCH, Outbox.Repeats.HARMLESS, messages -> vertx.executeBlocking(
                        Uni.createFrom().item(() -> {
                            try {
                                nats.publishConfirmed(messages);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException(e);
                            } catch (Exception e) {
                                throw new IllegalStateException("NATS did not confirm: " + e.getMessage(), e);
                            }
                            return null;
                        }))
                .replaceWithVoid());
    }
}
