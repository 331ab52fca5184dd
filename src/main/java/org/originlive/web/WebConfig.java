package org.originlive.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Headers of the served pages and of every response. */
@ConfigMapping(prefix = "originlive.web")
public interface WebConfig {

    /**
     * The Content-Security-Policy of HTML pages (our pages load nothing inline and nothing from elsewhere);
     * {@code blob:} images are the payment QR codes, fetched with the buyer's token.
     */
    @WithDefault("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: blob:;"
            + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'")
    String contentSecurityPolicy();

    /** The Referrer-Policy of every response. */
    @WithDefault("strict-origin-when-cross-origin")
    String referrerPolicy();

    /** Strict-Transport-Security max-age, sent only on requests that arrived over TLS (directly or via a trusted proxy). */
    @WithDefault("365d")
    Duration hstsMaxAge();
}
