package org.originlive.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Exponential back-off of failed deliveries: the first retry within a minute, the last more than
 * 24 hours after the first attempt ({@value #DEFAULT}: 11 attempts over 31 h 40 min 30 s).
 */
final class RetrySchedule {

    /** The production schedule, as java.time.Duration text (a unit test checks its promises). */
    static final String DEFAULT = "30s,2m,8m,30m,1h,2h,4h,8h,8h,8h";

    private final List<Duration> waits;

    RetrySchedule(List<Duration> waits) {
        this.waits = List.copyOf(waits);
    }

    /** When to try again after attempt number {@code attempts} failed; empty when it is the last. */
    Optional<Instant> next(int attempts, Instant now) {
        return attempts < 1 || attempts > waits.size()
                ? Optional.empty()
                : Optional.of(now.plus(waits.get(attempts - 1)));
    }

    /** From the first attempt to the last, when every attempt fails at once. */
    Duration span() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }

    int attempts() {
        return waits.size() + 1;
    }
}
