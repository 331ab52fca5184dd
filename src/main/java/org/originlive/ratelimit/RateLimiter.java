package org.originlive.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import org.originlive.common.OutageLog;

/**
 * The limits. Shared routes (login, register, refresh) count in PostgreSQL, so the limit holds
 * whatever the number of replicas; the others count in this replica's memory, so N replicas
 * allow at most N times their limit (less when the load balancer spreads a client's requests).
 */
// Created at start-up so the counters are exported from the first scrape.
@Startup
@ApplicationScoped
public class RateLimiter {

    private final boolean enabled;
    private final RateLimitConfig config;
    private final SharedBuckets shared;
    private final OutageLog sharedSweeps = new OutageLog("Sweeping shared rate-limit buckets");
    private final Map<Route, TokenBuckets> buckets = new EnumMap<>(Route.class);
    private final Map<Route, Counter> limited = new EnumMap<>(Route.class);

    RateLimiter(RateLimitConfig config, SharedBuckets shared, MeterRegistry registry) {
        this.enabled = config.enabled();
        this.config = config;
        this.shared = shared;
        for (Route route : Route.values()) {
            RateLimitConfig.Limit limit = config.limit(route);
            if (!route.shared()) {
                buckets.put(
                        route, new TokenBuckets(limit.requests(), limit.window(), config.maxKeys(), System::nanoTime));
            }
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
    public Uni<Decision> take(Route route, String key) {
        Uni<Decision> decision = route.shared()
                ? shared.take(route, key, config.limit(route))
                : Uni.createFrom().item(buckets.get(route).take(key));
        return decision.invoke(d -> {
            if (!d.allowed()) {
                limited.get(route).increment();
            }
        });
    }

    // Full buckets carry nothing; forgetting them keeps memory to the keys active within a window.
    @Scheduled(every = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        buckets.values().forEach(TokenBuckets::sweep);
    }

    // Every replica may sweep the shared table: deleting a full bucket is harmless at any time.
    @Scheduled(every = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweepShared() {
        return sharedSweeps.watch(shared.sweep());
    }
}
