package org.originlive.account;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The first admin, created at start-up when absent. */
@ConfigMapping(prefix = "originlive.admin")
public interface AdminConfig {

    /** Email of the first admin ({@code ORIGINLIVE_ADMIN_EMAIL}). */
    Optional<String> email();

    /** Password of the first admin ({@code ORIGINLIVE_ADMIN_PASSWORD}). */
    Optional<String> password();
}
