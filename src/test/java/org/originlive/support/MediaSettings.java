package org.originlive.support;

import java.util.HashMap;
import java.util.Map;

/**
 * The packaged jar in prod with a local engine of its own on free ports, as two replicas on one
 * machine run (each its own engine); the key-encryption key is the test-only one, shared.
 */
public class MediaSettings extends ProdSettings {

    static final String TEST_KEK = "VEVTVC1PTkxZIGtleSwgbm90IGEgc2VjcmV0ISEhISE=";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.putAll(engine());
        return config;
    }

    /** What one more replica needs: the same database and key-encryption key, an engine of its own. */
    public static Map<String, String> replica() {
        Map<String, String> config = new HashMap<>(PostgresResource.server().datasourceConfig());
        config.putAll(engine());
        return config;
    }

    private static Map<String, String> engine() {
        return Map.of(
                "originlive.media.local", "true",
                "originlive.media.rtmp-port", "0",
                "originlive.media.http-port", "0",
                "originlive.media.dir", "target/media-it",
                // Both replicas stop at the end of the test: no need to wait for a load balancer.
                "quarkus.shutdown.delay", "0s",
                "originlive.media.key-encryption-key", TEST_KEK);
    }
}
