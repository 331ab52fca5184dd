package org.originlive.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits the API applies to every request before it is read. */
@ConfigMapping(prefix = "originlive.http")
public interface HttpConfig {

    /**
     * The largest request body an endpoint takes (413 above it, answered before parsing); keep
     * {@code quarkus.http.limits.max-body-size} and the Ingress's body limit at least this large.
     */
    @WithDefault("64K")
    MemorySize maxBody();
}
