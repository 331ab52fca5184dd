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
import java.util.List;
import java.util.UUID;
import org.originlive.common.Periodic;

/**
 * Starts sales at {@code startsAt} and ends them at {@code endsAt}. Every replica runs it; each
 * move is a conditional UPDATE that exactly one replica wins, so nothing happens twice.
 */
@ApplicationScoped
public class SaleScheduler {

    private final SaleRepository sales;
    private final SaleLifecycle service;
    private final Clock clock;
    private final Vertx vertx;
    private final SaleConfig config;
    private Periodic timer;

    SaleScheduler(SaleRepository sales, SaleLifecycle service, Clock clock, Vertx vertx, SaleConfig config) {
        this.sales = sales;
        this.service = service;
        this.clock = clock;
        this.vertx = vertx;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        timer = Periodic.start(vertx, "Sale scheduler", config.schedulerInterval(), this::round);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.stop();
        }
    }

    Uni<Void> round() {
        return sales.due(SaleStatus.SCHEDULED, clock.instant())
                .flatMap(ids -> moveAll(ids, SaleStatus.LIVE))
                .flatMap(x -> sales.due(SaleStatus.LIVE, clock.instant()))
                .flatMap(ids -> moveAll(ids, SaleStatus.ENDED));
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
