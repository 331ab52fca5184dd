package org.originlive.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/**
 * The limits of this replica. Buckets live in memory, so N replicas allow at most N times a
 * limit (less when the load balancer spreads a client's requests); see docs/security.md.
 */
// Created at start-up so the counters are exported from the first scrape.
@Startup
@ApplicationScoped
public class RateLimiter {

    private final boolean enabled;
    private final Map<Route, TokenBuckets> buckets = new EnumMap<>(Route.class);
    private final Map<Route, Counter> limited = new EnumMap<>(Route.class);

    RateLimiter(RateLimitConfig config, MeterRegistry registry) {
        this.enabled = config.enabled();
        for (Route route : Route.values()) {
            RateLimitConfig.Limit limit = config.limit(route);
            buckets.put(route, new TokenBuckets(limit.requests(), limit.window(), config.maxKeys(), System::nanoTime));
            limited.put(
                    route,
                    Counter.builder("originlive.rate.limited")
                            .description("Requests answered 429 by a rate limit")
                            .tag("route", route.tag())
                            .register(registry));
        }
        if (!enabled) {
            Log.warn("Rate limits are off (originlive.rate-limit.enabled=false): only for load tests");
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** Counts one request of the key on the route. */
    public Decision take(Route route, String key) {
        Decision decision = buckets.get(route).take(key);
        if (!decision.allowed()) {
            limited.get(route).increment();
        }
        return decision;
    }

    // Full buckets carry nothing; forgetting them keeps memory to the keys active within a window.
    @Scheduled(every = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        buckets.values().forEach(TokenBuckets::sweep);
    }
}
