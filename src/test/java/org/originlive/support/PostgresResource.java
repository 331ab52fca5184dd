package org.originlive.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.originlive.devdb.LocalPostgres;

/** A throwaway real PostgreSQL cluster on a free port, shared by every test of the run. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static LocalPostgres server;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = LocalPostgres.throwaway();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server.datasourceConfig();
    }

    @Override
    public void stop() {
        // Kept for the whole run: several test profiles share it; the shutdown hook removes it.
    }

    public static LocalPostgres server() {
        return server;
    }
}
