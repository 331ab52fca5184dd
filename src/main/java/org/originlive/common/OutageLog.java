package org.originlive.common;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A repeated job's failures, logged once per outage instead of every round, and kept from the
 * scheduler (the next round is the retry), as {@link Periodic} does for sub-second jobs.
 */
public final class OutageLog {

    private final String name;
    private final AtomicBoolean failing = new AtomicBoolean();

    public OutageLog(String name) {
        this.name = name;
    }

    /** The round, its failure logged if it starts an outage and then swallowed. */
    public Uni<Void> watch(Uni<?> round) {
        return round.invoke(ok -> {
                    if (failing.getAndSet(false)) {
                        Log.infof("%s is running again", name);
                    }
                })
                .onFailure()
                .invoke(e -> {
                    if (!failing.getAndSet(true)) {
                        Log.warnf("%s failed (retrying quietly): %s", name, e.toString());
                    }
                })
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }
}
