package org.originlive.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A primary and a synchronous standby made from the machine's PostgreSQL server binaries
 * ({@code /usr/lib/postgresql/<version>/bin}), as an operator builds them by hand: initdb,
 * pg_basebackup, {@code synchronous_standby_names} naming the standby. Run as user postgres when
 * the tests run as root. Everything lives in one temporary folder, removed on close.
 */
public final class ReplicatedPostgres implements AutoCloseable {

    private static final Path INSTALLED = Path.of("/usr/lib/postgresql");
    private static final String STANDBY_NAME = "standby";

    private final Path bin;
    private final Path dir;
    private final int primaryPort;
    private final int standbyPort;
    // A JVM ended from outside (a timed-out build) still stops the servers, which outlive it otherwise.
    private final Thread onExit = new Thread(this::stopAndRemove);
    private volatile boolean primaryKilled;

    private ReplicatedPostgres(Path bin, Path dir, int primaryPort, int standbyPort) {
        this.bin = bin;
        this.dir = dir;
        this.primaryPort = primaryPort;
        this.standbyPort = standbyPort;
    }

    /** Both servers running, the standby streaming and counted synchronous by the primary. */
    public static ReplicatedPostgres start() throws IOException {
        Path bin = binaries();
        ReplicatedPostgres pg =
                new ReplicatedPostgres(bin, Files.createTempDirectory("originlive-failover"), freePort(), freePort());
        Runtime.getRuntime().addShutdownHook(pg.onExit);
        try {
            pg.startBoth();
            return pg;
        } catch (RuntimeException | IOException e) {
            pg.close();
            throw e;
        }
    }

    public int primaryPort() {
        return primaryPort;
    }

    public int standbyPort() {
        return standbyPort;
    }

    public String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** SIGKILL to the primary's postmaster and all its processes at once, as a lost node; returns once it refuses. */
    public void killPrimary() throws IOException {
        long postmaster = Long.parseLong(
                Files.readAllLines(dir.resolve("primary/postmaster.pid")).get(0).trim());
        ProcessHandle handle = ProcessHandle.of(postmaster).orElseThrow();
        List<ProcessHandle> all = new ArrayList<>(handle.descendants().toList());
        all.add(0, handle);
        all.forEach(ProcessHandle::destroyForcibly);
        primaryKilled = true;
        await().atMost(Duration.ofSeconds(10)).until(() -> !accepts(primaryPort));
    }

    /** {@code pg_ctl promote}: returns when the standby accepts writes. */
    public void promoteStandby() {
        run(pgCtl("standby", "promote", "-w"));
    }

    /**
     * Sets {@code synchronous_standby_names} on the promoted standby, the one instance left: naming
     * a standby that is not there makes every commit wait, as CloudNativePG's
     * {@code dataDurability: required} does with no standby left; empty lets them through.
     */
    public void synchronousStandbyNamesOfPromoted(String names) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(standbyPort), "postgres", "postgres")) {
            c.createStatement().execute("ALTER SYSTEM SET synchronous_standby_names = '" + names + "'");
            c.createStatement().execute("SELECT pg_reload_conf()");
        }
    }

    private void startBoth() throws IOException {
        if (isRoot()) {
            PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
            view.setOwner(dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres"));
        }
        run(List.of(tool("initdb"), "-D", dir.resolve("primary").toString(), "-U", "postgres", "-A", "trust", "-N"));
        // fsync off: a killed process loses nothing the kernel holds; this test does not crash the machine.
        append(
                "primary/postgresql.conf",
                "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = '" + dir + "'",
                "fsync = off",
                "synchronous_commit = on",
                "synchronous_standby_names = '" + STANDBY_NAME + "'");
        run(pgCtl("primary", "start", "-w", "-o", "-p " + primaryPort));
        run(List.of(
                tool("pg_basebackup"),
                "-D",
                dir.resolve("standby").toString(),
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(primaryPort),
                "-U",
                "postgres",
                "-R",
                "-X",
                "stream",
                "-c",
                "fast"));
        // Alone after its promotion (the IT has two instances), it must not wait for a standby of its own.
        append(
                "standby/postgresql.auto.conf",
                "primary_conninfo = 'host=127.0.0.1 port=" + primaryPort + " user=postgres application_name="
                        + STANDBY_NAME + "'",
                "synchronous_standby_names = ''");
        run(pgCtl("standby", "start", "-w", "-o", "-p " + standbyPort));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> "sync".equals(syncState()));
    }

    private String syncState() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(primaryPort), "postgres", "postgres");
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT sync_state FROM pg_stat_replication WHERE application_name = '"
                                + STANDBY_NAME + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private List<String> pgCtl(String server, String action, String... options) {
        List<String> command = new ArrayList<>(List.of(
                tool("pg_ctl"),
                action,
                "-D",
                dir.resolve(server).toString(),
                "-l",
                dir.resolve(server + ".log").toString()));
        command.addAll(List.of(options));
        return command;
    }

    private String tool(String name) {
        return bin.resolve(name).toString();
    }

    private void append(String file, String... lines) throws IOException {
        Files.writeString(dir.resolve(file), "\n" + String.join("\n", lines) + "\n", StandardOpenOption.APPEND);
    }

    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Path output = Files.createTempFile(dir, "command", ".log");
            Process process = new ProcessBuilder(full)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", full) + " exited " + process.exitValue() + ":\n" + Files.readString(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops what still runs (immediate mode: nothing here is worth a checkpoint) and removes the folder. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook runs anyway
        }
        stopAndRemove();
    }

    private synchronized void stopAndRemove() {
        if (!Files.exists(dir)) {
            return;
        }
        // Not the killed primary: its pid file stays behind and its pid may be another process's by now.
        for (String server : primaryKilled ? List.of("standby") : List.of("standby", "primary")) {
            if (Files.exists(dir.resolve(server).resolve("postmaster.pid"))) {
                try {
                    run(pgCtl(server, "stop", "-m", "immediate"));
                } catch (RuntimeException e) {
                    // not running after all
                }
            }
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path binaries() throws IOException {
        if (Files.isDirectory(INSTALLED)) {
            try (Stream<Path> versions = Files.list(INSTALLED)) {
                Optional<Path> newest = versions.filter(
                                v -> v.getFileName().toString().matches("[0-9]+"))
                        .filter(v -> Files.isExecutable(v.resolve("bin/pg_basebackup")))
                        .max(Comparator.comparingInt(
                                v -> Integer.parseInt(v.getFileName().toString())));
                if (newest.isPresent()) {
                    return newest.get().resolve("bin");
                }
            }
        }
        throw new IllegalStateException("The failover test needs the machine's PostgreSQL server binaries under "
                + INSTALLED + "/<version>/bin (initdb, pg_ctl, pg_basebackup): apt-get install -y postgresql."
                + " .ci/run installs them.");
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
