package org.originlive.ratelimit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.originlive.common.OwnsTables;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/**
 * Token buckets in PostgreSQL, so that every replica counts against the same ones: the same
 * algorithm as {@link TokenBuckets}, one row per key holding the instant it is full again.
 * A request is one upsert that the row lock makes atomic: concurrent requests on any replica
 * queue on the row and never pass more than the limit. The database's clock is the only clock.
 */
@ApplicationScoped
@OwnsTables("rate_limit_bucket")
public class SharedBuckets {

    // now: statement_timestamp(), one instant for the whole statement; $3: interval, $4: window (µs).
    private static final String WINDOW_END = "statement_timestamp() + $4::bigint * interval '1 microsecond'";
    // A bucket owes at most one window: rows left by a longer window (a changed setting) heal.
    private static final String OWED = "least(b.full_at, " + WINDOW_END + ")";
    private static final String NEXT =
            "greatest(" + OWED + ", statement_timestamp()) + $3::bigint * interval '1 microsecond'";
    private static final String FITS = NEXT + " <= " + WINDOW_END;
    private static final String TAKE = "INSERT INTO rate_limit_bucket AS b (route, key, full_at, allowed)"
            + " VALUES ($1, $2, statement_timestamp() + $3::bigint * interval '1 microsecond', true)"
            + " ON CONFLICT (route, key) DO UPDATE SET allowed = " + FITS + ","
            + " full_at = CASE WHEN " + FITS + " THEN " + NEXT + " ELSE " + OWED + " END"
            + " RETURNING allowed,"
            + " (extract(epoch FROM full_at - statement_timestamp()) * 1000000)::bigint AS ahead_micros";

    private final Tx db;

    SharedBuckets(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    /** Counts one request of {@code key} on {@code route} against {@code limit}. */
    public Uni<Decision> take(Route route, String key, RateLimitConfig.Limit limit) {
        long window = TimeUnit.NANOSECONDS.toMicros(limit.window().toNanos());
        long interval = Math.max(1, window / limit.requests());
        return db.sql()
                .preparedQuery(TAKE)
                .execute(Tuple.of(route.tag(), key, interval, window))
                .map(rows -> decision(rows.iterator().next(), limit.requests(), window, interval));
    }

    /** Forgets full buckets (their instant has passed): a missing row is a full bucket. */
    public Uni<Integer> sweep() {
        return db.sql()
                .preparedQuery("DELETE FROM rate_limit_bucket WHERE full_at < statement_timestamp()")
                .execute()
                .map(rows -> rows.rowCount());
    }

    /** The decision in the terms of {@link TokenBuckets}: {@code ahead} is full_at − now after the request. */
    static Decision decision(Row row, int limit, long window, long interval) {
        long ahead = Math.max(0, row.getLong("ahead_micros"));
        if (row.getBoolean("allowed")) {
            return new Decision(true, limit, seconds(window), (int) ((window - ahead) / interval), seconds(ahead), 0);
        }
        return new Decision(false, limit, seconds(window), 0, seconds(ahead), seconds(ahead + interval - window));
    }

    private static long seconds(long micros) {
        long second = TimeUnit.SECONDS.toMicros(1);
        return micros <= 0 ? 0 : (micros + second - 1) / second;
    }
}
