package org.originlive.live;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A replica's graceful stop. On SIGTERM Quarkus first reports not-ready for
 * {@code quarkus.shutdown.delay} (the load balancer stops sending work); at that moment viewers are
 * told to reconnect elsewhere (1012) and new sockets are refused. HTTP requests in flight,
 * checkouts among them, finish within {@code quarkus.shutdown.timeout}.
 */
@ApplicationScoped
public class Draining {

    static final int SERVICE_RESTART = 1012;
    static final String REASON = "server restarting: reconnect";

    private final AtomicBoolean draining = new AtomicBoolean();
    private final SaleRooms rooms;

    Draining(SaleRooms rooms) {
        this.rooms = rooms;
    }

    boolean isDraining() {
        return draining.get();
    }

    void onShutdownDelay(@Observes ShutdownDelayInitiatedEvent event) {
        drain();
    }

    // Without a shutdown delay (tests) the first signal is the shutdown itself.
    void onShutdown(@Observes ShutdownEvent event) {
        drain();
    }

    private void drain() {
        if (draining.compareAndSet(false, true)) {
            Log.info("Draining: asking viewers to reconnect elsewhere");
            rooms.closeAll(SERVICE_RESTART, REASON);
        }
    }
}
