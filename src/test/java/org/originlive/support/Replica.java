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

/**
 * Another replica: the packaged jar as its own process on the same database. Like a pod, it gets
 * the run's shared JWT keys as environment variables, unless the caller passes its own.
 */
public final class Replica implements AutoCloseable {

    public final int port;
    private final Process process;

    private Replica(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /** Starts a replica with {@code -D} settings and the shared keys, and waits until it is ready. */
    public static Replica start(Map<String, String> config) {
        return start(config, TestKeys.shared().env());
    }

    /** Starts a replica with {@code -D} settings and exactly this environment (plus the runner's). */
    public static Replica start(Map<String, String> config, Map<String, String> env) {
        try {
            return start(config, env, freePort());
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }

    /** As {@link #start(Map, Map)}, on a given port (the one the environment names, if it does). */
    public static Replica start(Map<String, String> config, Map<String, String> env, int port) {
        try {
            Process process = launch(port, config, env);
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

    /** Starts the jar without waiting; {@code -Dquarkus.http.port} is set unless the env sets the port. */
    public static Process launch(int port, Map<String, String> config, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dquarkus.profile=prod"));
        if (!env.containsKey("QUARKUS_HTTP_PORT")) {
            command.add("-Dquarkus.http.port=" + port);
        }
        config.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(new File("target/replica-" + port + ".log"));
        builder.environment().putAll(env);
        return builder.start();
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

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
