package org.originlive.live;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per client address: how many sockets it holds and a token bucket of new sockets (a burst of one
 * second's worth, refilled continuously). Entries of addresses with no socket and a full bucket
 * are pruned, so spraying addresses cannot grow the map for long.
 */
final class AddressLimits {

    /** Why a socket was refused, and after how many seconds a retry may succeed. */
    record Refusal(String reason, int limit, long retryAfterSeconds) {}

    private static final class Usage {
        int open;
        double tokens;
        long refilledAt;
    }

    private final int maxOpen;
    private final int perSecond;
    private final Map<String, Usage> usage = new ConcurrentHashMap<>();

    AddressLimits(int maxOpen, int perSecond) {
        this.maxOpen = Math.max(1, maxOpen);
        this.perSecond = Math.max(1, perSecond);
    }

    /** Takes a socket for the address, or says why not; the rate is checked first. */
    Refusal tryOpen(String address, long nowNanos) {
        Refusal[] refusal = new Refusal[1];
        usage.compute(address, (key, u) -> {
            Usage now = u != null ? u : fresh(nowNanos);
            refill(now, nowNanos);
            refusal[0] = refusalOf(now);
            if (refusal[0] == null) {
                now.tokens -= 1;
                now.open++;
            }
            return now;
        });
        return refusal[0];
    }

    /** Why {@link #tryOpen} would refuse the address now, taking nothing; null if it would not. */
    Refusal wouldRefuse(String address, long nowNanos) {
        Refusal[] refusal = new Refusal[1];
        usage.computeIfPresent(address, (key, u) -> {
            refill(u, nowNanos);
            refusal[0] = refusalOf(u);
            return u;
        });
        return refusal[0];
    }

    private Refusal refusalOf(Usage now) {
        if (now.tokens < 1) {
            long wait = (long) Math.ceil((1 - now.tokens) / perSecond);
            return new Refusal(LiveMetrics.TOO_MANY_NEW_SOCKETS, perSecond, Math.max(1, wait));
        }
        return now.open >= maxOpen ? new Refusal(LiveMetrics.TOO_MANY_SOCKETS, maxOpen, 5) : null;
    }

    void closed(String address, long nowNanos) {
        usage.computeIfPresent(address, (key, u) -> {
            u.open = Math.max(0, u.open - 1);
            return idle(u, nowNanos) ? null : u;
        });
    }

    void prune(long nowNanos) {
        usage.keySet().forEach(address -> usage.computeIfPresent(address, (key, u) -> idle(u, nowNanos) ? null : u));
    }

    int tracked() {
        return usage.size();
    }

    private boolean idle(Usage u, long nowNanos) {
        refill(u, nowNanos);
        return u.open == 0 && u.tokens >= perSecond;
    }

    private Usage fresh(long nowNanos) {
        Usage u = new Usage();
        u.tokens = perSecond;
        u.refilledAt = nowNanos;
        return u;
    }

    private void refill(Usage u, long nowNanos) {
        double earned = (nowNanos - u.refilledAt) / 1e9 * perSecond;
        u.tokens = Math.min(perSecond, u.tokens + earned);
        u.refilledAt = nowNanos;
    }
}
