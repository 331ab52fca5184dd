package org.originlive.live;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.originlive.common.Bus;

/**
 * Whether this replica hears the sales' bus (NATS, or its LISTEN connection). A wellness check:
 * listed in /q/health, never in liveness or readiness, because losing the bus stops no sale
 * (checkout goes on; viewers resync when it is back) and restarting replicas would not help.
 */
@Wellness
@ApplicationScoped
public class BusHealth implements HealthCheck {

    private final Bus bus;
    private final SaleListener listener;

    BusHealth(Bus bus, SaleListener listener) {
        this.bus = bus;
        this.listener = listener;
    }

    boolean up() {
        return listener.busUp();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("sale-events bus (" + bus.name() + ")")
                .status(up())
                .withData("bus", bus.name())
                .build();
    }
}
