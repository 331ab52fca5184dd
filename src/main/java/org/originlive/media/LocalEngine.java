package org.originlive.media;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The machine's nginx with the RTMP module, run by this replica as a child process with a config
 * it writes itself (see {@link NginxConf}), its files in a folder of its own per RTMP port. Its
 * methods block (files, processes): callers run them on worker threads.
 */
final class LocalEngine {

    static final String INSTALL_HINT = "apt-get install nginx libnginx-mod-rtmp";

    private final Path dir;
    private final NginxConf conf;
    private final Path nginx;
    private final LocalReplayWorker worker;
    private Process process;
    private Thread shutdownHook;

    private LocalEngine(Path dir, NginxConf conf, Path nginx, LocalReplayWorker worker) {
        this.dir = dir;
        this.conf = conf;
        this.nginx = nginx;
        this.worker = worker;
    }

    /** What is missing to run a local engine, or empty when nginx and its RTMP module are there. */
    static Optional<String> missing(MediaConfig config) {
        if (!Files.isExecutable(Path.of(config.nginx()))) {
            return Optional.of("no nginx at " + config.nginx());
        }
        if (!Files.isReadable(Path.of(config.rtmpModule()))) {
            return Optional.of("no RTMP module at " + config.rtmpModule());
        }
        return Optional.empty();
    }

    /** Ports resolved (0 → a free one) and the config written; {@link #start()} runs it. */
    static LocalEngine prepare(MediaConfig config, String hooks, String secret, String engineId) {
        String hookQuery = "secret=" + secret + "&engine=" + engineId;
        int rtmp = port(config.rtmpPort());
        int http = port(config.httpPort());
        int control = port(config.controlPort());
        Path dir = Path.of(config.dir(), "engine-" + rtmp).toAbsolutePath();
        Path storage = Path.of(config.storageDir()).toAbsolutePath();
        String user = System.getProperty("user.name");
        NginxConf conf = new NginxConf(
                dir,
                Path.of(config.rtmpModule()),
                rtmp,
                http,
                control,
                hooks,
                hookQuery,
                config.updateEvery(),
                "root".equals(user) ? "root" : null,
                storage,
                storageId(storage));
        return new LocalEngine(dir, conf, Path.of(config.nginx()), worker(config, dir, hooks, secret, engineId));
    }

    /** The replay worker beside this engine, or null where it cannot run (said once in the log). */
    private static LocalReplayWorker worker(
            MediaConfig config, Path dir, String hooks, String secret, String engineId) {
        if (!config.localWorker()) {
            return null;
        }
        Optional<String> missing = LocalReplayWorker.missing(config.shell());
        if (missing.isPresent()) {
            Log.warnf("Replays stay PROCESSING: no replay worker can run here (%s)", missing.get());
            return null;
        }
        return new LocalReplayWorker(
                dir,
                config.shell(),
                java.util.Map.of(
                        "HOOKS_URL", hooks,
                        "HOOK_SECRET", secret,
                        "ENGINE_ID", engineId,
                        "STORAGE_DIR",
                                Path.of(config.storageDir()).toAbsolutePath().toString(),
                        "POLL_SECONDS", "1"));
    }

    /**
     * The storage folder's id, kept in it: every engine and worker on this folder shares it, across
     * restarts, so a replay queued before a restart is made by the worker started after it.
     */
    static String storageId(Path storage) {
        Path file = storage.resolve("storage-id");
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.US_ASCII).trim();
                if (id.matches("local-[A-Za-z0-9_-]{8,40}")) {
                    return id;
                }
            }
            Files.createDirectories(storage);
            String made = "local-"
                    + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            Path temp = Files.createTempFile(storage, "storage-id", ".tmp");
            Files.writeString(temp, made, StandardCharsets.US_ASCII);
            try {
                Files.move(temp, file); // without REPLACE_EXISTING: a racing replica's id stays
            } catch (java.nio.file.FileAlreadyExistsException e) {
                Files.deleteIfExists(temp);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the storage id in " + storage, e);
        }
    }

    NginxConf conf() {
        return conf;
    }

    Path dir() {
        return dir;
    }

    synchronized void start() {
        try {
            for (String sub : List.of("hls", "logs", "tmp")) {
                Files.createDirectories(dir.resolve(sub));
            }
            for (String sub : List.of("recordings", "public/replays", "public/clips")) {
                Files.createDirectories(conf.storage().resolve(sub));
            }
            stopLeftover();
            Path file = dir.resolve("nginx.conf");
            Files.deleteIfExists(file);
            // The config holds the callbacks' secret: readable by its owner only.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, conf.render(), StandardCharsets.UTF_8);
            process = new ProcessBuilder(nginx.toString(), "-p", dir + "/", "-c", file.toString(), "-g", "daemon off;")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("logs/nginx.out").toFile())
                    .start();
            if (worker != null) {
                worker.start();
            }
            shutdownHook = new Thread(this::stop, "media-engine-stop");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the local media engine in " + dir, e);
        }
    }

    synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** The last lines nginx printed (why it did not start). */
    String output() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("logs/nginx.out"));
            String last = String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
            // nginx quotes config lines, and the callbacks' lines carry the secret.
            return last.replaceAll("secret=[^&\\s\";]*", "secret=***");
        } catch (IOException e) {
            return "";
        }
    }

    synchronized void stop() {
        if (worker != null) {
            worker.stop();
        }
        if (process == null) {
            return;
        }
        LocalReplayWorker.terminate(process); // SIGTERM: nginx's fast shutdown, publishers are cut
        process = null;
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down.
            }
        }
    }

    /** An engine of an earlier run of this folder that did not stop (a killed JVM) holds the ports. */
    private void stopLeftover() throws IOException {
        Path pid = dir.resolve("nginx.pid");
        if (!Files.exists(pid)) {
            return;
        }
        String text = Files.readString(pid).trim();
        Files.deleteIfExists(pid);
        if (!text.matches("[0-9]{1,10}")) {
            return;
        }
        ProcessHandle.of(Long.parseLong(text))
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains("nginx") && c.contains(dir.toString()))
                        .orElse(false))
                .ifPresent(p -> {
                    Log.infof("Stopping a media engine left over from an earlier run (pid %d)", p.pid());
                    p.destroy();
                    p.onExit()
                            .orTimeout(5, TimeUnit.SECONDS)
                            .exceptionally(t -> null)
                            .join();
                });
    }

    private static int port(int configured) {
        if (configured != 0) {
            return configured;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the local media engine", e);
        }
    }
}
