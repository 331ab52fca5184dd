package org.originlive.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** The packaged jar of an integration test on the nats bus, with the machine's nats-server started for it. */
public class NatsSettings implements QuarkusTestResourceLifecycleManager {

    public static Map<String, String> replica() {
        return Map.of(
                "originlive.bus",
                "nats",
                "originlive.nats.url",
                NatsServer.shared().url());
    }

    @Override
    public Map<String, String> start() {
        return replica();
    }

    @Override
    public void stop() {
        // The shared server stops with the test JVM.
    }
}
