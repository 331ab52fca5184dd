package org.originlive.media;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The local engine's nginx.conf. Publishers connect to application {@code live}; the publish
 * callback renames the stream (never the key) and {@code live} pushes it to {@code hls}, which
 * writes the playlist under that name: the module's HLS writer would otherwise name files after
 * the original, secret name. Status and control listen on loopback only; nothing is logged that
 * could hold a key or the callbacks' secret (no access logs, errors from {@code warn} up).
 */
record NginxConf(
        Path dir,
        Path rtmpModule,
        int rtmpPort,
        int httpPort,
        int controlPort,
        String hooks,
        String hookQuery,
        Duration updateEvery,
        String runAs,
        Path storage,
        String storageId) {

    static final String INGEST_APP = "live";
    static final String HLS_APP = "hls";
    static final String RECORD_APP = "rec";
    static final String VOD = "vod";

    String render() {
        StringBuilder conf = new StringBuilder();
        main(conf);
        rtmp(conf, "http://" + hooks.replaceFirst("^http://", ""));
        http(conf);
        return conf.toString();
    }

    private void main(StringBuilder conf) {
        conf.append("# Written by Origin Live at every start of its local media engine; edits are lost.\n");
        conf.append("load_module ").append(quote(rtmpModule)).append(";\n");
        if (runAs != null) {
            // Workers would run as nobody and could not write HLS into the app's own folder.
            conf.append("user ").append(runAs).append(";\n");
        }
        conf.append("worker_processes 1;\n");
        conf.append("pid ").append(quote(dir.resolve("nginx.pid"))).append(";\n");
        // At info level the module logs callback URLs (with the secret) and stream names (keys).
        conf.append("error_log ").append(quote(dir.resolve("logs/error.log"))).append(" warn;\n");
        conf.append("events { worker_connections 1024; }\n\n");
    }

    /** Ingest (callbacks to the app, pushed on locally) and the HLS writer, which only that push feeds. */
    private void rtmp(StringBuilder conf, String hook) {
        conf.append("rtmp {\n  server {\n");
        conf.append("    listen ").append(rtmpPort).append(";\n");
        conf.append("    chunk_size 4096;\n    access_log off;\n    notify_method post;\n");
        conf.append("    drop_idle_publisher 10s;\n\n");
        conf.append("    application ").append(INGEST_APP).append(" {\n");
        conf.append("      live on;\n      deny play all;\n");
        for (String event : new String[] {"on_publish", "on_publish_done", "on_update"}) {
            conf.append("      ")
                    .append(event)
                    .append(' ')
                    .append(hook)
                    .append('/')
                    .append(event);
            conf.append('?').append(hookQuery).append(";\n");
        }
        conf.append("      notify_update_timeout ")
                .append(Math.max(1, updateEvery.toSeconds()))
                .append("s;\n");
        for (String app : new String[] {HLS_APP, RECORD_APP}) {
            conf.append("      push rtmp://127.0.0.1:")
                    .append(rtmpPort)
                    .append('/')
                    .append(app)
                    .append(";\n");
        }
        // The recorder refuses a rehearsal's push; the retry after the sale goes live is taken.
        conf.append("      push_reconnect 1s;\n");
        conf.append("    }\n\n");
        recorder(conf, hook);
        conf.append("    application ").append(HLS_APP).append(" {\n");
        conf.append("      live on;\n      allow publish 127.0.0.1;\n      deny publish all;\n      deny play all;\n");
        conf.append("      hls on;\n      hls_path ")
                .append(quote(dir.resolve("hls")))
                .append(";\n");
        conf.append("      hls_fragment 1s;\n      hls_playlist_length 6s;\n      hls_cleanup on;\n");
        conf.append("    }\n  }\n}\n\n");
    }

    /**
     * Records what is published while the sale is LIVE: the app's callback accepts the push only
     * then (a rehearsal's push is refused and retried), and hears of every file closed.
     */
    private void recorder(StringBuilder conf, String hook) {
        conf.append("    application ").append(RECORD_APP).append(" {\n");
        conf.append("      live on;\n      allow publish 127.0.0.1;\n      deny publish all;\n      deny play all;\n");
        conf.append("      on_publish ")
                .append(hook)
                .append("/on_record_start?")
                .append(hookQuery)
                .append(";\n");
        conf.append("      on_record_done ")
                .append(hook)
                .append("/on_record_done?")
                .append(hookQuery)
                .append(";\n");
        conf.append("      record all;\n      record_unique on;\n      record_path ")
                .append(quote(storage.resolve("recordings")))
                .append(";\n    }\n\n");
    }

    /** The HLS origin viewers' players read, and the control port only the app reaches. */
    private void http(StringBuilder conf) {
        conf.append("http {\n  access_log off;\n  server_tokens off;\n");
        for (String temp : new String[] {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"}) {
            conf.append("  ").append(temp).append("_temp_path ");
            conf.append(quote(dir.resolve("tmp/" + temp))).append(";\n");
        }
        conf.append(
                "  types {\n    application/vnd.apple.mpegurl m3u8;\n    video/mp2t ts;\n    video/mp4 mp4;\n  }\n");
        conf.append("  server {\n    listen ").append(httpPort).append(";\n");
        conf.append("    location /hls/ {\n      alias ");
        conf.append(quote(dir.resolve("hls").toAbsolutePath() + "/")).append(";\n");
        // hls.js fetches from the app's pages, another origin; playlists change every fragment.
        conf.append("      add_header Access-Control-Allow-Origin * always;\n");
        conf.append("      add_header Cache-Control no-cache always;\n    }\n");
        // Replays and clips: files that never change once made (new folders for a new replay).
        conf.append("    location /").append(VOD).append("/ {\n      alias ");
        conf.append(quote(storage.resolve("public").toAbsolutePath() + "/")).append(";\n");
        conf.append("      add_header Access-Control-Allow-Origin * always;\n    }\n");
        conf.append("    location / { return 404; }\n  }\n");
        conf.append("  server {\n    listen 127.0.0.1:").append(controlPort).append(";\n");
        conf.append("    location /stat { rtmp_stat all; }\n");
        conf.append("    location /control { rtmp_control all; }\n");
        conf.append("    location / { return 404; }\n  }\n}\n");
    }

    private static String quote(Path path) {
        return quote(path.toAbsolutePath().toString());
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
