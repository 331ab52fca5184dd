package org.originlive.media;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import org.originlive.common.Periodic;

/**
 * Every {@code retention-every}: replays made longer than {@code replay-retention} ago are queued
 * for deletion; the worker of their engine removes the files, then the rows go and the replay is
 * NONE. Any replica may do it: the update is one statement.
 */
@ApplicationScoped
public class ReplayRetention {

    private final ReplayRepository replays;
    private final MediaConfig config;
    private final Vertx vertx;
    private final Clock clock;
    private Periodic timer;

    ReplayRetention(ReplayRepository replays, MediaConfig config, Vertx vertx, Clock clock) {
        this.replays = replays;
        this.config = config;
        this.vertx = vertx;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        timer = Periodic.start(vertx, "Replay retention", config.retentionEvery(), this::round);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.stop();
        }
    }

    Uni<Void> round() {
        Instant now = clock.instant();
        return replays.expire(now.minus(config.replayRetention()), now)
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof(
                                "%d replays past their retention (%s) queued for deletion",
                                n, config.replayRetention());
                    }
                })
                .replaceWithVoid();
    }
}
