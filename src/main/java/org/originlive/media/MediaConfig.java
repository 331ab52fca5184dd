package org.originlive.media;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Live video: the media engine, its callbacks and the stream keys (contract v3, "Live video"). */
@ConfigMapping(prefix = "originlive.media")
public interface MediaConfig {

    /** Start the machine's nginx with the RTMP module as this replica's own engine (ORIGINLIVE_MEDIA_LOCAL). */
    @WithDefault("false")
    boolean local();

    /** RTMP port of the local engine; 0 picks a free one (ORIGINLIVE_MEDIA_RTMP_PORT). */
    @WithDefault("1935")
    int rtmpPort();

    /** HTTP port on which the local engine serves HLS; 0 picks a free one (ORIGINLIVE_MEDIA_HTTP_PORT). */
    @WithDefault("8081")
    int httpPort();

    /** Loopback-only port of the local engine's status and control pages; 0 picks a free one. */
    @WithDefault("0")
    int controlPort();

    /** The local engine's files (config, HLS, logs), one folder per RTMP port under this one. */
    @WithDefault(".originlive/media")
    String dir();

    /** The nginx binary the local engine runs. */
    @WithDefault("/usr/sbin/nginx")
    String nginx();

    /** The RTMP module the local engine loads (Debian's libnginx-mod-rtmp). */
    @WithDefault("/usr/lib/nginx/modules/ngx_rtmp_module.so")
    String rtmpModule();

    /** Host name in the local engine's ingest and playback URLs (what OBS and browsers connect to). */
    @WithDefault("localhost")
    String publicHost();

    /**
     * What encoders publish to, e.g. rtmps://media.example.org/live (ORIGINLIVE_MEDIA_INGEST_URL);
     * setting it without {@link #local()} means an external engine.
     */
    Optional<String> ingestUrl();

    /** Where viewers fetch HLS: the engine's HTTP origin or a CDN in front of it (ORIGINLIVE_MEDIA_PLAYBACK_BASE_URL). */
    Optional<String> playbackBaseUrl();

    /** The engine's private status and control address (nginx rtmp_stat at /stat, rtmp_control at /control). */
    Optional<String> statusUrl();

    /** The secret the engine passes as ?secret= to the callbacks (ORIGINLIVE_MEDIA_HOOK_SECRET); random per process for a local engine. */
    Optional<String> hookSecret();

    /** Names an external engine in publisher ids when its callbacks carry no ?engine= parameter. */
    @WithDefault("engine")
    String engineId();

    /** Base64 of 32 bytes that encrypt the stream keys (ORIGINLIVE_MEDIA_KEY_ENCRYPTION_KEY); required in prod with an external engine. */
    Optional<String> keyEncryptionKey();

    /** How long before a sale's start its host may rehearse (PREVIEW). */
    @WithDefault("30m")
    Duration previewBefore();

    /** A publisher the engine has not reported for this long is taken as gone (its callbacks come every {@link #updateEvery()}). */
    @WithDefault("30s")
    Duration publisherTimeout();

    /** How often the local engine reports each publisher (nginx notify_update_timeout). */
    @WithDefault("10s")
    Duration updateEvery();

    /** How often each replica reads its engine's status: health, and publishers to drop. */
    @WithDefault("1s")
    Duration watchEvery();

    /** Time limit of each call to the engine's status and control pages. */
    @WithDefault("2s")
    Duration engineTimeout();

    /**
     * Where the local engine records and its replay worker writes replays and clips
     * (ORIGINLIVE_MEDIA_STORAGE_DIR): recordings/ (raw, never served) and public/ (served at /vod/).
     */
    @WithDefault(".originlive/media/storage")
    String storageDir();

    /** Where viewers fetch replays and clips (ORIGINLIVE_MEDIA_VOD_BASE_URL); default: the playback origin + /vod. */
    Optional<String> vodBaseUrl();

    /** Run the replay worker (media/replay-worker.sh, needs ffmpeg) next to the local engine. */
    @WithDefault("true")
    boolean localWorker();

    /** The shell that runs the local replay worker. */
    @WithDefault("/bin/bash")
    String shell();

    /** How long a sale's end waits for the engine to report its recordings closed before the replay is made without the rest. */
    @WithDefault("30s")
    Duration recordWait();

    /** How long a worker holds a replay job; a worker that died mid-job loses it then to the next claim. */
    @WithDefault("2m")
    Duration replayLease();

    /** How long replays and clips are kept after they are made; then a worker deletes them. */
    @WithDefault("8760h")
    Duration replayRetention();

    /** How often replays past their retention are queued for deletion. */
    @WithDefault("1h")
    Duration retentionEvery();
}
