package org.originlive.support;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's nats-server (Debian's package), started by the tests on a free port as they start
 * PostgreSQL, and stopped and started again where a test takes NATS away.
 */
public final class NatsServer {

    static final Path BINARY = Path.of(System.getenv().getOrDefault("ORIGINLIVE_NATS_SERVER", "/usr/sbin/nats-server"));
    private static NatsServer shared;

    private final int port;
    private Process process;

    private NatsServer(int port) {
        this.port = port;
    }

    /** Skips the test where nats-server is missing, unless ORIGINLIVE_REQUIRE_NATS is set (CI): then it fails. */
    public static void require() {
        Assumptions.assumeTrue(available(), "nats-server is not installed (apt-get install -y nats-server)");
    }

    /** Whether nats-server is here; where ORIGINLIVE_REQUIRE_NATS is set (CI), its absence fails instead. */
    public static boolean available() {
        boolean there = Files.isExecutable(BINARY);
        if (!there && System.getenv("ORIGINLIVE_REQUIRE_NATS") != null) {
            throw new IllegalStateException("No nats-server at " + BINARY + ": apt-get install -y nats-server");
        }
        return there;
    }

    /** The nats-server binary, for tests that run servers of their own. */
    public static Path binary() {
        return BINARY;
    }

    /** One server for the test JVM, started on first use. */
    public static synchronized NatsServer shared() {
        if (shared == null) {
            shared = new NatsServer(freePort());
            shared.start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    public synchronized void start() {
        try {
            Path log = Path.of("target", "nats-" + port + ".log");
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(List.of(BINARY.toString(), "-a", "127.0.0.1", "-p", Integer.toString(port)))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await().atMost(Duration.ofSeconds(10)).until(this::answering);
    }

    /** Kills it (SIGKILL: no goodbye to the clients). */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    public boolean answering() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
