package org.originlive.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Pages with a path parameter or without an extension are served from the static pages under
 * META-INF/resources/pages; the page's script reads the parameter from the address bar.
 */
@ApplicationScoped
class PageRoutes {

    void register(@Observes Router router) {
        router.getWithRegex("/live/[^/]+").handler(ctx -> ctx.reroute("/pages/live.html"));
        router.getWithRegex("/s/[^/]+").handler(ctx -> ctx.reroute("/pages/store.html"));
        router.get("/host").handler(ctx -> ctx.reroute("/pages/host.html"));
        router.get("/coop").handler(ctx -> ctx.reroute("/pages/coop.html"));
    }
}
