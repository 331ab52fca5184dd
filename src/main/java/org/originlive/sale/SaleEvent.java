package org.originlive.sale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.UUID;

/**
 * One committed change of a sale, as carried by NOTIFY to every replica: {@code stock} (item,
 * remaining), {@code status}, {@code pinned} (item) or {@code video} (what viewers now see of the
 * sale's video, and its playlist while LIVE). {@code at} is the publisher's clock in epoch millis,
 * for the notify-to-send latency metric.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SaleEvent(
        Kind kind,
        UUID saleId,
        UUID itemId,
        Integer remaining,
        SaleStatus status,
        VideoStatus video,
        String playbackUrl,
        long seq,
        long at) {

    /** What changed; written in lower case, as the frames name it. */
    public enum Kind {
        STOCK,
        STATUS,
        PINNED,
        VIDEO;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static SaleEvent stock(UUID saleId, UUID itemId, int remaining, long seq, long at) {
        return new SaleEvent(Kind.STOCK, saleId, itemId, remaining, null, null, null, seq, at);
    }

    public static SaleEvent status(UUID saleId, SaleStatus status, long seq, long at) {
        return new SaleEvent(Kind.STATUS, saleId, null, null, status, null, null, seq, at);
    }

    public static SaleEvent pinned(UUID saleId, UUID itemId, long seq, long at) {
        return new SaleEvent(Kind.PINNED, saleId, itemId, null, null, null, null, seq, at);
    }

    /** The sale's video as viewers see it now. */
    public static SaleEvent video(UUID saleId, SaleApi.Video video, long seq, long at) {
        return new SaleEvent(Kind.VIDEO, saleId, null, null, null, video.status(), video.playbackUrl(), seq, at);
    }
}
