package org.originlive.media;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.originlive.sale.VideoStatus;

/** The JSON shapes of live video. */
public final class MediaApi {

    private MediaApi() {}

    /** What the host's encoder needs and how the stream is doing; the key is shown nowhere else. */
    public record StreamSettings(
            @Schema(description = "OBS calls it Server, e.g. rtmp://media.example.org/live") String ingestUrl,
            @Schema(
                            description =
                                    "OBS calls it Stream Key: a secret of 192 random bits; publish to {ingestUrl}/{streamKey}")
                    String streamKey,
            @Schema(description = "PREVIEW is a rehearsal before the sale is LIVE, seen by the host only")
                    VideoStatus status,
            @Schema(nullable = true, description = "When the current or last publish began") Instant startedAt,
            @Schema(nullable = true, description = "When the last publish ended") Instant endedAt,
            @Schema(nullable = true, description = "The HLS playlist while PREVIEW or LIVE (the host's preview player)")
                    String playbackUrl,
            @Schema(nullable = true, description = "As the engine reports it, while PREVIEW or LIVE") Health health) {}

    /** The publisher's stream as the engine reports it; a field is null while the engine does not know it. */
    @Schema(name = "StreamHealth")
    public record Health(
            @Schema(nullable = true, description = "e.g. H264") String videoCodec,
            @Schema(nullable = true) Integer width,
            @Schema(nullable = true) Integer height,
            @Schema(nullable = true, description = "Frames per second") Double fps,
            @Schema(nullable = true, description = "Incoming bitrate, audio and video") Integer bitrateKbps) {

        static final Health UNKNOWN = new Health(null, null, null, null, null);
    }

    /** A replay's state: NONE (nothing was published while LIVE), PROCESSING (being made) or READY. */
    public enum ReplayStatus {
        NONE,
        PROCESSING,
        READY
    }

    /** A sale's replay: what plays, and one chapter per pin. */
    public record Replay(
            ReplayStatus status,
            @Schema(nullable = true, description = "HLS VOD playlist; only when READY") String playbackUrl,
            @Schema(nullable = true, description = "Only when READY") Double durationSeconds,
            @Schema(
                            description =
                                    "One per pin, at the pin's offset from the recording's start (±1 s); empty until READY")
                    java.util.List<Chapter> chapters) {}

    public record Chapter(
            @Schema(description = "Seconds into the replay") double atSeconds,
            java.util.UUID itemId,
            java.util.UUID productId,
            String name) {}

    /** A clip cut from a replay without re-encoding: it may start at the keyframe before the pin (at most 2 s). */
    public record Highlight(
            java.util.UUID saleId,
            java.util.UUID itemId,
            java.util.UUID productId,
            String name,
            @Schema(description = "Where the clip starts in the sale's replay") double startSeconds,
            double durationSeconds,
            @Schema(description = "An MP4 file") String playbackUrl) {}

    public record Highlights(java.util.List<Highlight> items) {}
}
