package org.originlive.bench;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * Response-to-frame probes. When a buyer's 201 arrives, every order confirmed so far has committed,
 * so the stock a viewer sees must show at least that many units sold: a probe is (units confirmed,
 * time of the 201), and a viewer matches it with the first frame whose {@code remaining} says so.
 * Probes are taken at most once per interval so that matching stays cheap for 20,000 viewers.
 */
final class Probes {

    private final long[] sold;
    private final long[] at;
    private final long intervalNanos;
    private volatile int count;
    private long last = Long.MIN_VALUE / 2;
    final Recorder delay = new Recorder(3);
    final LongAdder matched = new LongAdder();

    Probes(int capacity, long intervalNanos) {
        this.sold = new long[capacity];
        this.at = new long[capacity];
        this.intervalNanos = intervalNanos;
    }

    void offer(long unitsConfirmed, long nowNanos) {
        if (nowNanos - last < intervalNanos) {
            return;
        }
        synchronized (this) {
            int n = count;
            if (n == sold.length || nowNanos - last < intervalNanos) {
                return;
            }
            sold[n] = unitsConfirmed;
            at[n] = nowNanos;
            last = nowNanos;
            count = n + 1; // volatile write publishes the slot
        }
    }

    int count() {
        return count;
    }

    /** Matches this viewer's pending probes against a frame showing {@code unitsSold}; returns the next index. */
    int match(int next, long unitsSold, long nowNanos) {
        int n = count;
        while (next < n && sold[next] <= unitsSold) {
            delay.recordValue(Math.max(1, (nowNanos - at[next]) / 1000));
            matched.increment();
            next++;
        }
        return next;
    }
}
