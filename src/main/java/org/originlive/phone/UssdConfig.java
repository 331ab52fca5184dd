package org.originlive.phone;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The USSD menu and the provider's callbacks. */
@ConfigMapping(prefix = "originlive.ussd")
public interface UssdConfig {

    /**
     * Addresses Africa's Talking calls from (USSD callbacks and SMS delivery reports), compared with
     * the client address the rate limits use; none configured refuses every callback.
     */
    Optional<List<String>> allowed();

    /** Wrong PINs in a row that lock a phone. */
    @WithDefault("5")
    int pinAttempts();

    /** How long a phone stays locked. */
    @WithDefault("15m")
    Duration lockFor();
}
