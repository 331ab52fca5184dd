package org.originlive.live;

/**
 * A room's adaptive flush interval. Fan-out work per second is viewers × flushes, so the interval
 * grows with the square root of the local audience past the big-room size (1,000 viewers: 10/s;
 * 4,000: 5/s; 10,000: ~3/s) and never falls below the measured broadcast lag divided by the
 * CPU budget, clamped to [flush-interval, max-flush-interval]. Conflation makes this safe: a
 * longer interval merges more changes, and the latest value always goes out.
 */
final class Pace {

    private final long minMillis;
    private final long maxMillis;
    private final int bigRoom;
    private final double budget;
    private volatile long lagNanos;
    private volatile long intervalMillis;

    Pace(LiveConfig config) {
        this.minMillis = Math.max(1, config.flushInterval().toMillis());
        this.maxMillis = Math.max(minMillis, config.maxFlushInterval().toMillis());
        this.bigRoom = Math.max(1, config.bigRoom());
        this.budget = Math.min(1.0, Math.max(0.01, config.fanOutBudget()));
        this.intervalMillis = minMillis;
    }

    /** One broadcast's lag (from encoding to the last viewer's write), smoothed over recent ones. */
    synchronized void lag(long nanos) {
        long smoothed = lagNanos;
        lagNanos = smoothed == 0 ? nanos : (smoothed * 4 + nanos) / 5;
    }

    /** Recomputes the interval for this many local viewers. */
    long next(int localViewers) {
        double bySize = minMillis * Math.sqrt(Math.max(1.0, localViewers / (double) bigRoom));
        double byLag = lagNanos / 1_000_000.0 / budget;
        long millis = Math.round(Math.max(bySize, byLag));
        intervalMillis = Math.min(maxMillis, Math.max(minMillis, millis));
        return intervalMillis;
    }

    /** The current interval (the per-room gauge). */
    long intervalMillis() {
        return intervalMillis;
    }
}
