package org.originlive.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.originlive.sale.SaleApi;
import org.originlive.sale.SaleEvent;

/** The server's WebSocket frames, each serialised once and sent as the same string to all. */
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
    record Stock(String type, UUID itemId, int remaining, long seq, long changedAt) {}

    record Status(String type, String status, long seq) {}

    record Pinned(String type, UUID itemId, long seq) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Tick(String type, Instant serverTime, Long secondsToStart, Long secondsToEnd) {}

    record Viewers(String type, long count) {}

    record Pong(String type) {}

    record Error(String type, String message) {}

    static final String PONG = "{\"type\":\"pong\"}";

    private final ObjectMapper json;

    Frames(ObjectMapper json) {
        this.json = json;
    }

    String snapshot(Instant now, SaleApi.SaleView sale, RoomChat.Snapshot chat, long viewers) {
        return write(new Snapshot(
                "snapshot", now, sale, viewers, sale.seq(), chat.chat(), chat.pinnedMessage(), chat.reactions()));
    }

    String event(SaleEvent e) {
        return switch (e.kind()) {
            case SaleEvent.STOCK -> write(new Stock("stock", e.itemId(), e.remaining(), e.seq(), e.at()));
            case SaleEvent.STATUS -> write(new Status("status", e.status(), e.seq()));
            case SaleEvent.PINNED -> write(new Pinned("pinned", e.itemId(), e.seq()));
            default -> throw new IllegalArgumentException("Unknown sale event " + e.kind());
        };
    }

    String tick(Instant now, Long secondsToStart, Long secondsToEnd) {
        return write(new Tick("tick", now, secondsToStart, secondsToEnd));
    }

    String viewers(long count) {
        return write(new Viewers("viewers", count));
    }

    String error(String message) {
        return write(new Error("error", message));
    }

    String write(Object frame) {
        try {
            return json.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Frames are plain records", e);
        }
    }
}
