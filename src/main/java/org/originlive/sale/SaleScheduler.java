package org.originlive.sale;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts sales at {@code startsAt} and ends them at {@code endsAt}. Every replica runs it; each
 * move is a conditional UPDATE that exactly one replica wins, so nothing happens twice.
 */
@ApplicationScoped
public class SaleScheduler {

    private final SaleRepository sales;
    private final SaleService service;
    private final Clock clock;
    private final Vertx vertx;
    private final Duration interval;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    private long timer = -1;

    SaleScheduler(
            SaleRepository sales,
            SaleService service,
            Clock clock,
            Vertx vertx,
            @ConfigProperty(name = "originlive.sales.scheduler-interval", defaultValue = "250ms") Duration interval) {
        this.sales = sales;
        this.service = service;
        this.clock = clock;
        this.vertx = vertx;
        this.interval = interval;
    }

    void onStart(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(interval.toMillis(), id -> {
            // One round at a time per replica; a slow round makes the next one wait.
            if (running.compareAndSet(false, true)) {
                round().subscribe().with(ok -> running.set(false), failure -> running.set(false));
            }
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    Uni<Void> round() {
        return sales.due(SaleStatus.SCHEDULED, clock.instant())
                .flatMap(ids -> moveAll(ids, SaleStatus.LIVE))
                .flatMap(x -> sales.due(SaleStatus.LIVE, clock.instant()))
                .flatMap(ids -> moveAll(ids, SaleStatus.ENDED))
                .invoke(() -> {
                    if (failing.getAndSet(false)) {
                        Log.info("Sale scheduler is running again");
                    }
                })
                .onFailure()
                .invoke(e -> {
                    // Once per outage, not four times a second.
                    if (!failing.getAndSet(true)) {
                        Log.warnf("Sale scheduler round failed (retrying quietly): %s", e.toString());
                    }
                })
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Void> moveAll(List<UUID> ids, SaleStatus to) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom()
                .iterable(ids)
                .onItem()
                .transformToUniAndConcatenate(id -> service.move(id, to).invoke(moved -> {
                    if (moved) {
                        Log.infof("Sale %s is now %s", id, to);
                    }
                }))
                .collect()
                .last()
                .replaceWithVoid();
    }
}
