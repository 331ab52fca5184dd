package org.originlive.support;

import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Another replica: the packaged jar as its own process on the same database. */
public final class Replica implements AutoCloseable {

    public final int port;
    private final Process process;

    private Replica(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    public static Replica start(Map<String, String> config) {
        try {
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dquarkus.http.port=" + port,
                    "-Dquarkus.profile=prod"));
            config.forEach((k, v) -> command.add("-D" + k + "=" + v));
            command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(new File("target/replica-" + port + ".log"))
                    .start();
            Replica replica = new Replica(port, process);
            try {
                await().atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(500))
                        .ignoreExceptions()
                        .until(() -> RestAssured.given()
                                        .port(port)
                                        .get("/q/health/ready")
                                        .statusCode()
                                == 200);
            } catch (RuntimeException e) {
                // No caller holds it yet, so nobody else would stop it.
                process.destroyForcibly();
                throw e;
            }
            return replica;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start a replica", e);
        }
    }

    /** Sends SIGTERM, as Kubernetes does when it stops a pod; returns at once. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; true if it did within the time. */
    public boolean exited(java.time.Duration within) throws InterruptedException {
        return process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Stops the replica abruptly, as a crashed pod would. */
    public void kill() {
        process.destroyForcibly();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
