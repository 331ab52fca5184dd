package org.originlive.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * An encoder: ffmpeg pushing a synthetic 640x360 test pattern with a tone (H.264 + AAC, FLV, one
 * keyframe a second) to {@code {ingestUrl}/{streamKey}}, as OBS would. Closing it kills ffmpeg.
 */
public final class Publisher implements AutoCloseable {

    static final Path FFMPEG = Path.of(System.getenv().getOrDefault("ORIGINLIVE_FFMPEG", "/usr/bin/ffmpeg"));
    private static final AtomicInteger COUNT = new AtomicInteger();

    private final Process process;
    final Path log;

    private Publisher(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Skips the calling test when ffmpeg or nginx is missing, unless ORIGINLIVE_REQUIRE_VIDEO=1 (CI). */
    public static void requireVideoTools() {
        boolean present = Files.isExecutable(FFMPEG)
                && Files.isExecutable(Path.of("/usr/sbin/nginx"))
                && Files.isReadable(Path.of("/usr/lib/nginx/modules/ngx_rtmp_module.so"));
        String message = "Video tests need Debian's nginx, libnginx-mod-rtmp and ffmpeg:"
                + " apt-get install -y nginx libnginx-mod-rtmp ffmpeg";
        if ("1".equals(System.getenv("ORIGINLIVE_REQUIRE_VIDEO"))) {
            Assertions.assertTrue(present, message);
        }
        Assumptions.assumeTrue(present, message);
    }

    public static Publisher start(String ingestUrl, String streamKey) {
        try {
            Path log = Path.of("target", "ffmpeg-" + COUNT.incrementAndGet() + ".log");
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(List.of(
                            FFMPEG.toString(),
                            "-hide_banner",
                            "-loglevel",
                            "warning",
                            "-re",
                            "-f",
                            "lavfi",
                            "-i",
                            "testsrc=size=640x360:rate=25",
                            "-f",
                            "lavfi",
                            "-i",
                            "sine",
                            "-t",
                            "180",
                            // testsrc is RGB: without this x264 picks 4:4:4, which browsers cannot decode.
                            "-pix_fmt",
                            "yuv420p",
                            "-c:v",
                            "libx264",
                            "-preset",
                            "ultrafast",
                            "-tune",
                            "zerolatency",
                            "-g",
                            "25",
                            "-c:a",
                            "aac",
                            "-f",
                            "flv",
                            ingestUrl + "/" + streamKey))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            return new Publisher(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean running() {
        return process.isAlive();
    }

    /** The exit code once ffmpeg ended (a refused or dropped publish ends it with an error). */
    public int exitCode() {
        return process.exitValue();
    }

    /** Stops publishing as an encoder's Stop button does. */
    public void stop() {
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
