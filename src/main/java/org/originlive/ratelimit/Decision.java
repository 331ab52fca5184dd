package org.originlive.ratelimit;

/**
 * The outcome of one request against its bucket, in the terms of the IETF RateLimit headers:
 * {@code resetSeconds} until the bucket is full again, {@code retryAfterSeconds} until the next
 * request would pass (0 when this one passed); {@code limit} requests per {@code windowSeconds}.
 */
public record Decision(
        boolean allowed, int limit, long windowSeconds, int remaining, long resetSeconds, long retryAfterSeconds) {}
