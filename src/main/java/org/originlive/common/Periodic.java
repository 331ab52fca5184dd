package org.originlive.common;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A job every replica repeats on a Vert.x timer (sub-second, which {@code @Scheduled} is not):
 * one round at a time (a slow round makes the next wait), a failure logged once per outage, not
 * every round.
 */
public final class Periodic {

    private final Vertx vertx;
    private final String name;
    private final Supplier<Uni<?>> round;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final long timer;

    private Periodic(Vertx vertx, String name, Duration every, Supplier<Uni<?>> round) {
        this.vertx = vertx;
        this.name = name;
        this.round = round;
        this.timer = vertx.setPeriodic(Math.max(1, every.toMillis()), id -> tick());
    }

    public static Periodic start(Vertx vertx, String name, Duration every, Supplier<Uni<?>> round) {
        return new Periodic(vertx, name, every, round);
    }

    /** A round that is done when it returns (a flush that only hands work on). */
    public static Periodic run(Vertx vertx, String name, Duration every, Runnable round) {
        return new Periodic(vertx, name, every, () -> {
            round.run();
            return Uni.createFrom().voidItem();
        });
    }

    public void stop() {
        vertx.cancelTimer(timer);
    }

    private void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        Uni<?> next;
        try {
            next = round.get();
        } catch (RuntimeException e) {
            failed(e);
            return;
        }
        next.subscribe()
                .with(
                        ok -> {
                            running.set(false);
                            if (failing.getAndSet(false)) {
                                Log.infof("%s is running again", name);
                            }
                        },
                        this::failed);
    }

    private void failed(Throwable e) {
        running.set(false);
        if (!failing.getAndSet(true)) {
            Log.warnf("%s failed (retrying quietly): %s", name, e.toString());
        }
    }
}
