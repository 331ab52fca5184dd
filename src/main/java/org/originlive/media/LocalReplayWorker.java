package org.originlive.media;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The replay worker (media/replay-worker.sh, the same script the media pod runs) as a child of
 * this replica, beside its local engine: it joins recordings and cuts clips with ffmpeg where the
 * files are. It stops with the app (it watches the app's pid). Its methods block: callers run them
 * on worker threads.
 */
final class LocalReplayWorker {

    private static final String SCRIPT = "media/replay-worker.sh";

    private final Path dir;
    private final Map<String, String> env;
    private final String shell;
    private Process process;

    LocalReplayWorker(Path dir, String shell, Map<String, String> env) {
        this.dir = dir;
        this.shell = shell;
        this.env = env;
    }

    /** Why no worker can run here (no ffmpeg, curl or shell), or empty. */
    static Optional<String> missing(String shell) {
        if (!Files.isExecutable(Path.of(shell))) {
            return Optional.of("no shell at " + shell);
        }
        for (String tool : new String[] {"ffmpeg", "ffprobe", "curl"}) {
            if (onPath(tool).isEmpty()) {
                return Optional.of("no " + tool + " on the PATH (apt-get install ffmpeg curl)");
            }
        }
        return Optional.empty();
    }

    synchronized void start() {
        try (InputStream script = LocalReplayWorker.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (script == null) {
                throw new IllegalStateException(SCRIPT + " is not in the application");
            }
            Path file = dir.resolve("replay-worker.sh");
            Files.copy(script, file, StandardCopyOption.REPLACE_EXISTING);
            ProcessBuilder builder = new ProcessBuilder(shell, file.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("logs/replay-worker.out").toFile()));
            builder.environment().putAll(env);
            builder.environment()
                    .put("PARENT_PID", Long.toString(ProcessHandle.current().pid()));
            process = builder.start();
            Log.infof("Replay worker started beside the local engine (pid %d)", process.pid());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the replay worker in " + dir, e);
        }
    }

    synchronized void stop() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        terminate(process);
        process = null;
    }

    /** SIGTERM, then SIGKILL after 5 s: for the local engine's children. */
    static void terminate(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static Optional<Path> onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String part : path.split(":")) {
            Path candidate = Path.of(part.isEmpty() ? "." : part, tool);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
