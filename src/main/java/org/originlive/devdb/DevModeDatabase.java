package org.originlive.devdb;

import io.quarkus.logging.Log;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * {@code ./mvnw quarkus:dev} with no datasource configured: starts the same local PostgreSQL as
 * the run command (data in {@code .originlive/pgdata}), once per JVM, so live reloads reuse it.
 * Only in the {@code dev} profile; its ordinal sits below environment variables, which still win.
 */
public class DevModeDatabase implements ConfigSourceFactory {

    private static final String PORT_PROPERTY = "originlive.local-db.dev-port";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("dev")
                || configured(context, "quarkus.datasource.reactive.url")
                || configured(context, "quarkus.datasource.jdbc.url")) {
            return List.of();
        }
        ConfigValue dir = context.getValue("originlive.local-db.dir");
        int port = running(Path.of(configured(dir) ? dir.getValue() : ".originlive/pgdata"));
        Map<String, String> values = Map.of(
                "quarkus.datasource.jdbc.url",
                "jdbc:postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.reactive.url",
                "postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.username",
                "postgres",
                "quarkus.datasource.password",
                "postgres");
        return List.of(new MapBackedConfigSource("originlive-dev-postgres", values, 275) {});
    }

    /** The port of this JVM's local server, started on first use (a reload keeps the JVM). */
    private static synchronized int running(Path dir) {
        String known = System.getProperty(PORT_PROPERTY);
        if (known != null) {
            return Integer.parseInt(known);
        }
        Log.infof("Dev mode without a datasource: starting a local PostgreSQL with data in %s", dir.toAbsolutePath());
        LocalPostgres pg = LocalPostgres.persistent(dir);
        Runtime.getRuntime().addShutdownHook(new Thread(pg::close, "local-postgres-stop"));
        System.setProperty(PORT_PROPERTY, Integer.toString(pg.port()));
        return pg.port();
    }

    private static boolean configured(ConfigSourceContext context, String key) {
        return configured(context.getValue(key));
    }

    private static boolean configured(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }
}
