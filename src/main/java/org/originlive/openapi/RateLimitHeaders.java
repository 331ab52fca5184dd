package org.originlive.openapi;

import java.util.List;
import org.eclipse.microprofile.openapi.models.Operation;

/** An operation that declares a 429 carries the RateLimit-* headers on its successes and its 429. */
final class RateLimitHeaders {

    private static final List<String> HEADERS =
            List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy");

    private RateLimitHeaders() {}

    static void complete(Operation op) {
        if (!op.getResponses().hasAPIResponse("429")) {
            return;
        }
        op.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2") || status.equals("429")) {
                HEADERS.forEach(h -> response.addHeader(h, ProblemResponses.header(h)));
            }
        });
    }
}
