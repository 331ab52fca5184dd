package org.originlive.common;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * Insert-or-replace with Panache, race-free without {@code ON CONFLICT}: the work (find, then
 * update or persist) runs in a transaction of its own; when a concurrent writer inserted the same
 * key first (23505), it runs once more, finds that row and updates it, so the last writer wins as
 * with {@code ON CONFLICT DO UPDATE}. Call it outside an open session, so the retry gets a fresh one.
 */
public final class Upserts {

    private Upserts() {}

    public static <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return Uni.createFrom()
                .deferred(() -> Panache.withTransaction(work))
                .onFailure(Failures::isUniqueViolation)
                .retry()
                .atMost(1);
    }
}
