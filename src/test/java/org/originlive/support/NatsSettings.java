package org.originlive.support;

import java.util.HashMap;
import java.util.Map;

/** The packaged jar in prod on the nats bus, with the machine's nats-server started for it. */
public class NatsSettings extends ProdSettings {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.putAll(bus());
        return config;
    }

    /** What one more replica needs: the same database, the same NATS. */
    public static Map<String, String> replica() {
        Map<String, String> config = new HashMap<>(PostgresResource.server().datasourceConfig());
        config.putAll(bus());
        return config;
    }

    private static Map<String, String> bus() {
        return Map.of(
                "originlive.bus", "nats",
                "originlive.nats.url", NatsServer.shared().url(),
                "quarkus.shutdown.delay", "0s");
    }
}
