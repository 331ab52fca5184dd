package org.originlive.media;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServerStart;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.originlive.common.WebOrigins;

/**
 * The media engine this replica talks to: its own local nginx ({@code originlive.media.local}),
 * an external one ({@code ingest-url} and friends), or none (streams are UNAVAILABLE). Video
 * never passes through here: the engine takes RTMP in and serves HLS; this class only knows
 * the engine's addresses, reads its status page and asks it to drop publishers.
 */
@ApplicationScoped
public class MediaEngine {

    private final MediaConfig config;
    private final MediaSecrets secrets;
    private final Vertx vertx;
    private final WebClient client;
    private final String engineId;
    private volatile boolean available;
    private volatile String ingestUrl;
    private volatile String playbackBase;
    private volatile String statusUrl;
    private volatile LocalEngine local;

    MediaEngine(MediaConfig config, MediaSecrets secrets, Vertx vertx) {
        this.config = config;
        this.secrets = secrets;
        this.vertx = vertx;
        long timeout = config.engineTimeout().toMillis();
        this.client = WebClient.create(
                vertx,
                new WebClientOptions()
                        .setConnectTimeout((int) timeout)
                        .setFollowRedirects(false)
                        .setMaxPoolSize(4));
        this.engineId = config.local() ? "local-" + secrets.token(6) : config.engineId();
        this.ingestUrl = config.ingestUrl().orElse("rtmp://" + config.publicHost() + ":" + config.rtmpPort() + "/live");
        this.playbackBase = config.playbackBaseUrl().orElse(null);
        this.statusUrl = config.statusUrl().orElse(null);
        this.available = !config.local() && config.ingestUrl().isPresent();
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.local()) {
            if (available) {
                Log.infof("Live video through an external media engine: ingest %s", ingestUrl);
            } else {
                Log.info("No media engine configured (ORIGINLIVE_MEDIA_LOCAL or ORIGINLIVE_MEDIA_INGEST_URL):"
                        + " live video is UNAVAILABLE");
            }
            return;
        }
        Optional<String> missing = LocalEngine.missing(config);
        if (missing.isPresent()) {
            Log.warnf(
                    "Live video is UNAVAILABLE: %s. To get video: %s (then restart)",
                    missing.get(), LocalEngine.INSTALL_HINT);
            return;
        }
        int port = AppPort.now();
        if (port > 0) {
            startLocal(port);
        } // else a free port is being chosen: the engine starts once the HTTP server listens
    }

    void onHttp(@ObservesAsync HttpServerStart event) {
        if (config.local() && local == null && LocalEngine.missing(config).isEmpty()) {
            AppPort.known()
                    .subscribe()
                    .with(this::startLocal, e -> Log.warnf("Live video is UNAVAILABLE: %s", e.getMessage()));
        }
    }

    private synchronized void startLocal(int appPort) {
        if (local != null) {
            return;
        }
        LocalEngine engine = LocalEngine.prepare(
                config, "http://127.0.0.1:" + appPort + "/api/media/hooks", secrets.hookSecret(), engineId);
        NginxConf conf = engine.conf();
        ingestUrl = config.ingestUrl().orElse("rtmp://" + config.publicHost() + ":" + conf.rtmpPort() + "/live");
        playbackBase = config.playbackBaseUrl()
                .orElse("http://" + config.publicHost() + ":" + conf.httpPort() + "/" + NginxConf.HLS_APP);
        statusUrl = "http://127.0.0.1:" + conf.controlPort();
        local = engine;
        // Starting a process and writing files block: a worker thread does it.
        vertx.executeBlocking(Uni.createFrom().item(() -> {
                    engine.start();
                    return engine;
                }))
                .flatMap(started -> untilAnswering(started, 50))
                .subscribe()
                .with(
                        ok -> {
                            available = true;
                            Log.infof(
                                    "Local media engine (nginx + RTMP module) up: publish to %s/{streamKey},"
                                            + " HLS under %s, files in %s",
                                    ingestUrl, playbackBase, engine.dir());
                        },
                        failure -> Log.warnf(
                                "Live video is UNAVAILABLE: the local media engine did not start (%s) %s",
                                failure.getMessage(), engine.output()));
    }

    void onStop(@Observes ShutdownEvent event) {
        available = false;
        LocalEngine engine = local;
        if (engine != null) {
            engine.stop();
        }
        local = null;
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** Whether publishes can be taken now: an external engine is configured, or the local one runs. */
    public boolean available() {
        LocalEngine engine = local;
        return available && (engine == null || engine.running());
    }

    String engineId() {
        return engineId;
    }

    String ingestUrl() {
        return ingestUrl;
    }

    /** The HLS playlist of a stream, or null when no playback address is known. */
    String playbackUrl(String streamName) {
        String base = playbackBase;
        return base == null || streamName == null ? null : base.replaceAll("/+$", "") + "/" + streamName + ".m3u8";
    }

    /** A replay's or clip's address under the engine's VOD origin ({@code vod-base-url}, else the playback origin + /vod). */
    String vodUrl(String path) {
        String base = config.vodBaseUrl()
                .orElseGet(
                        () -> playbackOrigin().map(o -> o + "/" + NginxConf.VOD).orElse(""));
        return base.replaceAll("/+$", "") + "/" + path;
    }

    /** Where browsers fetch video from ({@code scheme://host[:port]}), for the pages' CSP; empty when unknown. */
    public Optional<String> playbackOrigin() {
        String base = playbackBase;
        return base == null ? Optional.empty() : WebOrigins.of(base);
    }

    boolean secretMatches(String given) {
        return StreamKeys.sameSecret(secrets.hookSecret(), given);
    }

    /** Whether this replica can read the engine's status (health, publishers to drop). */
    boolean watchable() {
        return statusUrl != null && available();
    }

    /** The publishers of the ingest application as the engine reports them now. */
    Uni<List<EngineStat.Published>> publishers() {
        return client.requestAbs(HttpMethod.GET, statusUrl + "/stat")
                .timeout(config.engineTimeout().toMillis())
                .send()
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("status page answered " + response.statusCode());
                    }
                    return EngineStat.parse(response.bodyAsBuffer().getBytes(), NginxConf.INGEST_APP);
                });
    }

    /** Asks the engine to cut one publisher off; true when it did. */
    Uni<Boolean> drop(String streamName, String clientId) {
        if (statusUrl == null) {
            return Uni.createFrom().item(false);
        }
        String uri = statusUrl + "/control/drop/publisher?app=" + NginxConf.INGEST_APP + "&name="
                + URLEncoder.encode(streamName, StandardCharsets.UTF_8)
                + (clientId == null ? "" : "&clientid=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8));
        return client.requestAbs(HttpMethod.GET, uri)
                .timeout(config.engineTimeout().toMillis())
                .send()
                .map(response -> response.statusCode() == 200
                        && !"0".equals(response.bodyAsString().trim()));
    }

    /** Polls the local engine's status page until it answers, or fails when nginx exited or time ran out. */
    private Uni<Void> untilAnswering(LocalEngine engine, int attempts) {
        if (!engine.running()) {
            return Uni.createFrom().failure(new IllegalStateException("nginx exited"));
        }
        return client.requestAbs(HttpMethod.GET, statusUrl + "/stat")
                .timeout(500)
                .send()
                .map(r -> r.statusCode() == 200)
                .onFailure()
                .recoverWithItem(false)
                .flatMap(up -> {
                    if (up) {
                        return Uni.createFrom().voidItem();
                    }
                    if (attempts <= 0) {
                        return Uni.createFrom().failure(new IllegalStateException("no answer on its status port"));
                    }
                    return Uni.createFrom()
                            .voidItem()
                            .onItem()
                            .delayIt()
                            .by(Duration.ofMillis(100))
                            .flatMap(x -> untilAnswering(engine, attempts - 1));
                });
    }
}
