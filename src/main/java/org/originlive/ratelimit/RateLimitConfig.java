package org.originlive.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** Rate limits: a token bucket per (route, key) on each replica. */
@ConfigMapping(prefix = "originlive.rate-limit")
public interface RateLimitConfig {

    /** Master switch; {@code ORIGINLIVE_RATE_LIMIT_ENABLED=false} turns every limit off for load tests. */
    @WithDefault("true")
    boolean enabled();

    /** Most keys remembered per route and replica; full (idle) buckets are forgotten first. */
    @WithDefault("100000")
    @Min(100)
    int maxKeys();

    /** Logins per client address per window. */
    @WithName("login.limit")
    @WithDefault("10")
    @Min(1)
    int loginLimit();

    /** The window in which {@code login.limit} logins are allowed. */
    @WithName("login.window")
    @WithDefault("1m")
    Duration loginWindow();

    /** Registrations per client address per window. */
    @WithName("register.limit")
    @WithDefault("10")
    @Min(1)
    int registerLimit();

    /** The window in which {@code register.limit} registrations are allowed. */
    @WithName("register.window")
    @WithDefault("1m")
    Duration registerWindow();

    /** Refreshes and sign-outs per client address per window (a viewer refreshes every half hour). */
    @WithName("refresh.limit")
    @WithDefault("60")
    @Min(1)
    int refreshLimit();

    /** The window in which {@code refresh.limit} refreshes are allowed. */
    @WithName("refresh.window")
    @WithDefault("1m")
    Duration refreshWindow();

    /** Checkouts (sale and storefront together) per account per window. */
    @WithName("checkout.limit")
    @WithDefault("30")
    @Min(1)
    int checkoutLimit();

    /** The window in which {@code checkout.limit} checkouts are allowed. */
    @WithName("checkout.window")
    @WithDefault("1m")
    Duration checkoutWindow();

    /** Chat posts per account per window, before the chat's own moderation rules. */
    @WithName("chat-post.limit")
    @WithDefault("30")
    @Min(1)
    int chatPostLimit();

    /** The window in which {@code chat-post.limit} posts are allowed. */
    @WithName("chat-post.window")
    @WithDefault("1m")
    Duration chatPostWindow();

    /** The limit of a route. */
    default Limit limit(Route route) {
        return switch (route) {
            case LOGIN -> new Limit(loginLimit(), loginWindow());
            case REGISTER -> new Limit(registerLimit(), registerWindow());
            case REFRESH -> new Limit(refreshLimit(), refreshWindow());
            case CHECKOUT -> new Limit(checkoutLimit(), checkoutWindow());
            case CHAT_POST -> new Limit(chatPostLimit(), chatPostWindow());
        };
    }

    /** {@code requests} per {@code window}, refilled evenly. */
    record Limit(int requests, Duration window) {}
}
