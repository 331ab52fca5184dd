package org.originlive;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.Locale;
import org.originlive.devdb.LocalPostgres;

/**
 * Starts Origin Live. In a non-prod profile with no datasource URL configured it first starts
 * its own PostgreSQL, keeping data in {@code ORIGINLIVE_LOCAL_DB_DIR} (default
 * {@code .originlive/pgdata}); in {@code prod} a missing datasource is an error, never silently
 * replaced.
 */
@QuarkusMain
public final class OriginLiveMain {

    private OriginLiveMain() {}

    public static void main(String... args) {
        if (needsLocalDatabase()) {
            Path dir = Path.of(setting("originlive.local-db.dir", ".originlive/pgdata"));
            Log.infof("No datasource configured: starting a local PostgreSQL with data in %s", dir.toAbsolutePath());
            LocalPostgres pg = LocalPostgres.persistent(dir);
            pg.datasourceConfig().forEach(System::setProperty);
            Runtime.getRuntime().addShutdownHook(new Thread(pg::close, "local-postgres-stop"));
        }
        Quarkus.run(args);
    }

    private static boolean needsLocalDatabase() {
        String profile = setting("quarkus.profile", "prod");
        boolean configured = setting("quarkus.datasource.reactive.url", null) != null
                || setting("quarkus.datasource.jdbc.url", null) != null;
        return !configured && !"prod".equals(profile);
    }

    /** A setting as a system property or its environment-variable form. */
    private static String setting(String key, String fallback) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
