package org.originlive.devdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;

/**
 * A real PostgreSQL server started by the project itself (bundled binaries), for machines
 * without a database: the run command keeps its data in a folder, tests use a throwaway one.
 * Never used when a datasource URL is configured, and never in the {@code prod} profile.
 */
public final class LocalPostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final boolean throwaway;
    private int port;
    private EmbeddedPostgres server;

    private LocalPostgres(Path dataDirectory, boolean throwaway, int port) {
        this.dataDirectory = dataDirectory;
        this.throwaway = throwaway;
        this.port = port;
    }

    /** A server whose data survives restarts in {@code dataDirectory}. */
    public static LocalPostgres persistent(Path dataDirectory) {
        LocalPostgres pg = new LocalPostgres(dataDirectory.toAbsolutePath(), false, 0);
        pg.start();
        return pg;
    }

    /** A server in a fresh temporary folder on a free port, deleted when closed. */
    public static LocalPostgres throwaway() {
        try {
            LocalPostgres pg = new LocalPostgres(Files.createTempDirectory("originlive-pg"), true, 0);
            pg.start();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void start() {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", throwaway ? "off" : "on");
            // The folder is kept across stop/start, so a restart keeps the data (fault tests).
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            if (port != 0) {
                builder.setPort(port);
            }
            server = builder.start();
            port = server.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the local PostgreSQL", e);
        }
    }

    /** Stops the server abruptly for fault tests; {@link #start()} brings it back on the same port. */
    public synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                server = null;
            }
        }
    }

    @Override
    public void close() {
        stop();
        if (throwaway) {
            deleteQuietly(dataDirectory);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp folder is harmless.
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public String reactiveUrl() {
        return "postgresql://localhost:" + port + "/postgres";
    }

    /** Quarkus datasource settings that point at this server. */
    public Map<String, String> datasourceConfig() {
        return Map.of(
                "quarkus.datasource.jdbc.url",
                jdbcUrl(),
                "quarkus.datasource.reactive.url",
                reactiveUrl(),
                "quarkus.datasource.username",
                "postgres",
                "quarkus.datasource.password",
                "postgres");
    }
}
