package org.originlive.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.originlive.common.WebOrigins;
import org.originlive.media.MediaConfig;
import org.originlive.media.MediaEngine;

/**
 * Security headers on every response, added as the headers go out so that early answers (413,
 * 429, 401) carry them too: nosniff and a Referrer-Policy always, a Content-Security-Policy on
 * HTML (except the bundled Swagger UI under /q/, whose inline scripts it would break), HSTS only
 * over TLS, since a browser ignores it on plain http and a plain-http deployment must not pin itself.
 * The CSP admits the live video's playback origin (known once the media engine is up) and the
 * replays' origin when they are served from elsewhere ({@code originlive.media.vod-base-url}).
 */
@ApplicationScoped
class SecurityHeaders {

    // Before every other filter, so even their refusals get the headers.
    private static final int PRIORITY = 1_000_000;

    private final WebConfig config;
    private final MediaEngine media;
    private final Optional<String> vodOrigin;
    private volatile List<String> cspFor;
    private volatile String csp;

    SecurityHeaders(WebConfig config, MediaEngine media, MediaConfig mediaConfig) {
        this.config = config;
        this.media = media;
        this.vodOrigin = mediaConfig.vodBaseUrl().flatMap(WebOrigins::of);
    }

    /** Rebuilt only when the playback origin changes (a local engine's port is known after start-up). */
    private String csp() {
        List<String> origins = Stream.concat(media.playbackOrigin().stream(), vodOrigin.stream())
                .distinct()
                .toList();
        if (!origins.equals(cspFor) || csp == null) {
            csp = Csp.admittingMedia(config.contentSecurityPolicy(), origins);
            cspFor = origins;
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
