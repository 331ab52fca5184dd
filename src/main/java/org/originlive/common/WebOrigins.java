package org.originlive.common;

import java.net.URI;
import java.util.Optional;

/** Web origins ({@code scheme://host[:port]}) of configured addresses, for CSPs and the like. */
public final class WebOrigins {

    private WebOrigins() {}

    /** {@code scheme://host[:port]} of an absolute URL; empty for anything else. */
    public static Optional<String> of(String url) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(
                    uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
