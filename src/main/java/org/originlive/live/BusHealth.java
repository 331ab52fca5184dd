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
@io.quarkus.runtime.Startup
public class BusHealth implements HealthCheck {

    private final Bus bus;
    private final NatsBus nats;
    private final SaleListener listener;

    BusHealth(Bus bus, NatsBus nats, SaleListener listener, io.micrometer.core.instrument.MeterRegistry registry) {
        this.bus = bus;
        this.nats = nats;
        this.listener = listener;
        io.micrometer.core.instrument.Gauge.builder("originlive.bus.up", this, h -> h.up() ? 1 : 0)
                .description("1 while this replica hears the sales' bus (NATS, or its LISTEN connection)")
                .register(registry);
    }

    boolean up() {
        return bus.nats() ? nats.up() : listener.isListening();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("sale-events bus (" + bus.name() + ")")
                .status(up())
                .withData("bus", bus.name())
                .build();
    }
}
