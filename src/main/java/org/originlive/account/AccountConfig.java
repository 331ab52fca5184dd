package org.originlive.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of accounts and tokens. */
@ConfigMapping(prefix = "originlive.auth")
public interface AccountConfig {

    /** The {@code iss} of issued tokens; verification expects the same. */
    @WithDefault("https://originlive.org")
    String issuer();

    /** How long an access token lives. */
    @WithDefault("30m")
    Duration tokenLifetime();

    /** How long a refresh token lives; every refresh issues a successor with a fresh lifetime. */
    @WithDefault("12h")
    Duration refreshLifetime();

    /** bcrypt work factor; low values are only for tests. */
    @WithDefault("11")
    int bcryptCost();
}
