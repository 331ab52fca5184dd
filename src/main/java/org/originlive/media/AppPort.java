package org.originlive.media;

import io.quarkus.runtime.LaunchMode;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/** This replica's HTTP port, where the local engine calls back. */
final class AppPort {

    private AppPort() {}

    /** The port; 0 while a free one is being chosen. */
    static int now() {
        String key = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        return ConfigProvider.getConfig().getOptionalValue(key, Integer.class).orElse(8080);
    }

    /**
     * The port once it is known: a free port chosen by the server reaches the config just after
     * the server listens, so right after {@code HttpServerStart} it may still read 0.
     */
    static Uni<Integer> known() {
        return Uni.createFrom()
                .item(AppPort::now)
                .invoke(port -> {
                    if (port <= 0) {
                        throw new IllegalStateException("the HTTP server's port is not known yet");
                    }
                })
                .onFailure()
                .retry()
                .withBackOff(Duration.ofMillis(20), Duration.ofMillis(200))
                .atMost(100);
    }
}
