package org.originlive.ratelimit;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Token buckets of one route, one per key, lock-free and bounded.
 *
 * <p>Each bucket is one {@code long}: the instant at which it will be full again (the generic cell
 * rate algorithm). A request moves that instant one interval ({@code window / limit}) later and
 * passes if it then lies at most one window ahead; a compare-and-set settles races, so concurrent
 * requests never pass more than the limit. A bucket whose instant has passed is full and carries
 * nothing, so it may be forgotten: it is first marked dead by compare-and-set, and a request that
 * finds a dead bucket replaces it, so no request is ever counted on a forgotten bucket.
 */
final class TokenBuckets {

    private static final long DEAD = Long.MIN_VALUE;

    private final int limit;
    private final long window;
    private final long interval;
    private final int maxKeys;
    private final LongSupplier nanos;
    private final Map<String, AtomicLong> buckets = new ConcurrentHashMap<>();
    private final AtomicBoolean sweeping = new AtomicBoolean();

    TokenBuckets(int limit, Duration window, int maxKeys, LongSupplier nanos) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A rate limit needs at least 1 request per positive window");
        }
        this.limit = limit;
        this.window = window.toNanos();
        this.interval = Math.max(1, this.window / limit);
        this.maxKeys = maxKeys;
        this.nanos = nanos;
    }

    Decision take(String key) {
        long now = nanos.getAsLong();
        while (true) {
            AtomicLong bucket = bucket(key, now);
            long full = bucket.get();
            if (full == DEAD) {
                buckets.remove(key, bucket);
                continue;
            }
            long next = Math.max(full, now) + interval;
            long ahead = next - now;
            if (ahead > window) {
                return new Decision(false, limit, seconds(window), 0, seconds(full - now), seconds(ahead - window));
            }
            if (bucket.compareAndSet(full, next)) {
                return new Decision(
                        true, limit, seconds(window), (int) ((window - ahead) / interval), seconds(ahead), 0);
            }
        }
    }

    /** Forgets full buckets; returns how many keys remain. */
    int sweep() {
        long now = nanos.getAsLong();
        for (Map.Entry<String, AtomicLong> entry : buckets.entrySet()) {
            AtomicLong bucket = entry.getValue();
            long full = bucket.get();
            if (full != DEAD && full - now <= 0 && bucket.compareAndSet(full, DEAD)) {
                buckets.remove(entry.getKey(), bucket);
            }
        }
        return buckets.size();
    }

    int size() {
        return buckets.size();
    }

    private AtomicLong bucket(String key, long now) {
        AtomicLong bucket = buckets.get(key);
        if (bucket != null) {
            return bucket;
        }
        if (buckets.size() >= maxKeys) {
            makeRoom();
        }
        AtomicLong fresh = new AtomicLong(now);
        AtomicLong raced = buckets.putIfAbsent(key, fresh);
        return raced == null ? fresh : raced;
    }

    /**
     * Past the bound: forgets full buckets, then, if keys are still too many (a flood of distinct
     * addresses), arbitrary ones down to 90% -- those keys start afresh, which the bound is worth.
     */
    private void makeRoom() {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        try {
            int target = maxKeys - maxKeys / 10;
            if (sweep() <= target) {
                return;
            }
            Iterator<Map.Entry<String, AtomicLong>> it = buckets.entrySet().iterator();
            while (it.hasNext() && buckets.size() > target) {
                Map.Entry<String, AtomicLong> entry = it.next();
                entry.getValue().set(DEAD);
                buckets.remove(entry.getKey(), entry.getValue());
            }
        } finally {
            sweeping.set(false);
        }
    }

    private static long seconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
