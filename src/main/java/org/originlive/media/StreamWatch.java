package org.originlive.media;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.originlive.common.Periodic;

/**
 * Every replica, every {@code watch-every}: compares its engine's publishers with the database.
 * A publisher the database no longer names (key rotated, sale ended) is dropped; one the engine
 * no longer reports is released (IDLE); the others' health is recorded and they count as seen.
 * Publishers that no engine has reported for {@code publisher-timeout} (a replica and its engine
 * died) are released by whichever replica notices first.
 */
@ApplicationScoped
public class StreamWatch {

    // An accepted publisher shows in the engine's status a moment after the callback's answer.
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final StreamRepository streams;
    private final StreamService service;
    private final MediaEngine engine;
    private final MediaConfig config;
    private final Vertx vertx;
    private final Clock clock;
    private Periodic timer;

    StreamWatch(
            StreamRepository streams,
            StreamService service,
            MediaEngine engine,
            MediaConfig config,
            Vertx vertx,
            Clock clock) {
        this.streams = streams;
        this.service = service;
        this.engine = engine;
        this.config = config;
        this.vertx = vertx;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        timer = Periodic.start(vertx, "Media stream watch", config.watchEvery(), this::round);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.stop();
        }
    }

    Uni<Void> round() {
        Uni<Void> own = engine.watchable() ? ownEngine() : Uni.createFrom().voidItem();
        return own.flatMap(x -> streams.silentSince(clock.instant().minus(config.publisherTimeout())))
                .flatMap(silent -> each(silent, s -> {
                    Log.infof(
                            "Sale %s: publisher %s silent for %s; releasing",
                            s.saleId(), s.publisher(), config.publisherTimeout());
                    return service.released(s.publisher());
                }));
    }

    /** The database is read before the engine, so a publisher the engine shows was accepted before that read. */
    private Uni<Void> ownEngine() {
        String prefix = engine.engineId() + ":";
        return streams.ofEngine(engine.engineId())
                .flatMap(known -> engine.publishers().flatMap(live -> {
                    Map<String, EngineStat.Published> byPublisher = live.stream()
                            .collect(Collectors.toMap(p -> prefix + p.clientId(), Function.identity(), (a, b) -> a));
                    Instant now = clock.instant();
                    List<Uni<Void>> work = new ArrayList<>();
                    for (StreamRepository.Stream s : known) {
                        EngineStat.Published p = byPublisher.remove(s.publisher());
                        if (p != null) {
                            work.add(streams.seen(s.publisher(), p.health(), now));
                        } else if (s.startedAt() == null
                                || s.startedAt().plus(GRACE).isBefore(now)) {
                            work.add(service.released(s.publisher()));
                        }
                    }
                    // Not named by the first read: drop unless the database names it now (accepted meanwhile).
                    byPublisher.forEach((publisher, p) -> work.add(streams.byPublisher(publisher)
                            .flatMap(sale -> sale.isPresent()
                                    ? Uni.createFrom().voidItem()
                                    : engine.drop(p.name(), p.clientId())
                                            .invoke(dropped -> {
                                                if (dropped) {
                                                    Log.infof("Dropped publisher %s of stream %s", publisher, p.name());
                                                }
                                            })
                                            .replaceWithVoid())));
                    return work.isEmpty()
                            ? Uni.createFrom().voidItem()
                            : Uni.join().all(work).andCollectFailures().replaceWithVoid();
                }));
    }

    private static <T> Uni<Void> each(List<T> items, Function<T, Uni<Void>> action) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom()
                .iterable(items)
                .onItem()
                .<Void>transformToUniAndConcatenate(item -> action.apply(item))
                .collect()
                .last()
                .replaceWithVoid();
    }
}
