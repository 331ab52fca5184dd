package org.originlive.common;

/**
 * A 429 the client may retry after {@code retryAfterSeconds}; with a {@code limit}, the IETF
 * RateLimit headers say which limit was reached.
 */
public class RetryLater extends ProblemException {

    private final long retryAfterSeconds;
    private final Integer limit;

    public RetryLater(ProblemType type, String detail, long retryAfterSeconds, Integer limit) {
        super(type, detail);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
        this.limit = limit;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Integer limit() {
        return limit;
    }
}
