package org.originlive.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.originlive.media.MediaEngine;

/**
 * Security headers on every response, added as the headers go out so that early answers (413,
 * 429, 401) carry them too: nosniff and a Referrer-Policy always, a Content-Security-Policy on
 * HTML (except the bundled Swagger UI under /q/, whose inline scripts it would break), HSTS only
 * over TLS, since a browser ignores it on plain http and a plain-http deployment must not pin itself.
 * The CSP admits the live video's playback origin (known once the media engine is up).
 */
@ApplicationScoped
class SecurityHeaders {

    // Before every other filter, so even their refusals get the headers.
    private static final int PRIORITY = 1_000_000;

    private final WebConfig config;
    private final MediaEngine media;
    private volatile String cspFor;
    private volatile String csp;

    SecurityHeaders(WebConfig config, MediaEngine media) {
        this.config = config;
        this.media = media;
    }

    /** Rebuilt only when the playback origin changes (a local engine's port is known after start-up). */
    private String csp() {
        String origin = media.playbackOrigin().orElse("");
        if (!origin.equals(cspFor) || csp == null) {
            csp = Csp.admittingMedia(config.contentSecurityPolicy(), origin.isEmpty() ? null : origin);
            cspFor = origin;
        }
        return csp;
    }

    void register(@Observes Filters filters) {
        String hsts = "max-age=" + config.hstsMaxAge().toSeconds();
        filters.register(
                ctx -> {
                    HttpServerRequest request = ctx.request();
                    HttpServerResponse response = ctx.response();
                    boolean tls = "https".equalsIgnoreCase(request.scheme());
                    boolean swagger = request.path().startsWith("/q/");
                    ctx.addHeadersEndHandler(end -> {
                        response.headers().set("X-Content-Type-Options", "nosniff");
                        response.headers().set("Referrer-Policy", config.referrerPolicy());
                        String type = response.headers().get("Content-Type");
                        if (!swagger && type != null && type.startsWith("text/html")) {
                            response.headers().set("Content-Security-Policy", csp());
                        }
                        if (tls) {
                            response.headers().set("Strict-Transport-Security", hsts);
                        }
                    });
                    ctx.next();
                },
                PRIORITY);
    }
}
