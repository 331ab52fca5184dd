package org.originlive.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.originlive.sale.SaleApi;
import org.originlive.sale.SaleEvent;

/**
 * The server's WebSocket frames as UTF-8 JSON, each serialised once per broadcast. Every frame a
 * room broadcasts carries {@code serverTime}, so big rooms may tick less often (contract v2).
 */
@ApplicationScoped
class Frames {

    record Snapshot(
            String type,
            Instant serverTime,
            SaleApi.SaleView sale,
            long viewers,
            long seq,
            List<?> chat,
            Object pinnedMessage,
            Object reactions) {}

    /** {@code changedAt}: epoch millis of the change (an addition to the contract, for latency). */
    record Stock(String type, UUID itemId, int remaining, long seq, long changedAt, Instant serverTime) {}

    record Status(String type, String status, long seq, Instant serverTime) {}

    record Pinned(String type, UUID itemId, long seq, Instant serverTime) {}

    /** The sale's video as viewers see it; {@code playbackUrl} only while LIVE. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Video(String type, String status, String playbackUrl, long seq, Instant serverTime) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Tick(String type, Instant serverTime, Long secondsToStart, Long secondsToEnd) {}

    record Viewers(String type, long count, Instant serverTime) {}

    record Error(String type, String message) {}

    static final String PONG = "{\"type\":\"pong\"}";

    private final ObjectMapper json;

    Frames(ObjectMapper json) {
        this.json = json;
    }

    byte[] snapshot(Instant now, SaleApi.SaleView sale, RoomChat.Snapshot chat, long viewers) {
        return write(new Snapshot(
                "snapshot", now, sale, viewers, sale.seq(), chat.chat(), chat.pinnedMessage(), chat.reactions()));
    }

    byte[] event(SaleEvent e, Instant now) {
        return switch (e.kind()) {
            case STOCK -> write(new Stock("stock", e.itemId(), e.remaining(), e.seq(), e.at(), now));
            case STATUS -> write(new Status("status", e.status().name(), e.seq(), now));
            case PINNED -> write(new Pinned("pinned", e.itemId(), e.seq(), now));
            case VIDEO -> write(new Video("video", e.video().name(), e.playbackUrl(), e.seq(), now));
        };
    }

    byte[] tick(Instant now, Long secondsToStart, Long secondsToEnd) {
        return write(new Tick("tick", now, secondsToStart, secondsToEnd));
    }

    byte[] viewers(long count, Instant now) {
        return write(new Viewers("viewers", count, now));
    }

    /** Another feature's frame (chat): its fields, with {@code type} and {@code serverTime} set here. */
    byte[] other(String type, Object frame, Instant now) {
        ObjectNode node = json.createObjectNode().put("type", type);
        ObjectNode fields = json.valueToTree(frame);
        fields.remove("type");
        node.setAll(fields);
        node.put("serverTime", now.toString());
        return write(node);
    }

    String error(String message) {
        try {
            return json.writeValueAsString(new Error("error", message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Frames are plain records", e);
        }
    }

    private byte[] write(Object frame) {
        try {
            return json.writeValueAsBytes(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Frames are plain records", e);
        }
    }
}
