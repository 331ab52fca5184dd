package org.originlive.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.HandshakeRequest;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.originlive.i18n.Lang;
import org.originlive.i18n.Languages;

/**
 * {@code /ws/sales/{id}}: anyone may watch. The first frame is a {@code snapshot}; then stock,
 * status, pinned, video, tick and viewers frames. Clients may only {@code ping}.
 */
@WebSocket(path = "/ws/sales/{id}")
public class SaleSocket {

    static final int UNKNOWN_SALE = 4404;

    private final SaleRooms rooms;
    private final Frames frames;
    private final LiveMetrics metrics;
    private final LiveConfig config;
    private final ObjectMapper json;
    private final Draining draining;
    private final Languages languages;
    private final Map<String, Viewer> viewers = new ConcurrentHashMap<>();

    SaleSocket(
            SaleRooms rooms,
            Frames frames,
            LiveMetrics metrics,
            LiveConfig config,
            ObjectMapper json,
            Draining draining,
            Languages languages) {
        this.draining = draining;
        this.languages = languages;
        this.rooms = rooms;
        this.frames = frames;
        this.metrics = metrics;
        this.config = config;
        this.json = json;
    }

    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        metrics.opened();
        if (draining.isDraining()) {
            return connection.close(new CloseReason(Draining.SERVICE_RESTART, Draining.REASON));
        }
        ChannelHandlerContext channel = connection.userData().get(SocketGate.CHANNEL);
        if (channel == null) {
            return connection.close(new CloseReason(1011, "server error"));
        }
        Viewer viewer = new Viewer(connection, channel, config.maxUnsentBytes(), metrics, lang(connection));
        UUID saleId = saleId(connection);
        if (saleId == null) {
            return connection.close(new CloseReason(UNKNOWN_SALE, "unknown sale"));
        }
        viewers.put(connection.id(), viewer);
        return rooms.join(viewer, saleId)
                .onFailure()
                .recoverWithUni(e -> connection.close(new CloseReason(UNKNOWN_SALE, "unknown sale")));
    }

    @OnTextMessage
    public Uni<Void> message(String text, WebSocketConnection connection) {
        String type = type(text);
        // Replies go straight to this one socket; only broadcasts need the shared ordered path.
        if ("ping".equals(type)) {
            return connection.sendText(Frames.PONG);
        }
        return connection.sendText(
                frames.error(type == null ? "malformed frame: expected JSON with a type" : "unknown type: " + type));
    }

    /** Vert.x rejects frames over the size limit; that client alone is closed with 1009. */
    @OnError
    public Uni<Void> error(Throwable failure, WebSocketConnection connection) {
        String message = String.valueOf(failure.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (message.contains("size") || message.contains("too big") || message.contains("too long")) {
            return connection.close(new CloseReason(1009, "frame too big: at most 4 KiB"));
        }
        Log.debugf("WebSocket error on %s: %s", connection.id(), failure.toString());
        if (connection.isClosed()) {
            return Uni.createFrom().voidItem();
        }
        return connection.sendText(frames.error("could not handle the last frame"));
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        metrics.closed();
        Viewer viewer = viewers.remove(connection.id());
        UUID saleId = saleId(connection);
        if (viewer != null && saleId != null) {
            rooms.leave(viewer, saleId);
        }
    }

    private String type(String text) {
        try {
            JsonNode node = json.readTree(text);
            return node != null && node.isObject() && node.path("type").isTextual()
                    ? node.get("type").asText()
                    : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** The snapshot's language, chosen as for public reads: {@code ?lang=}, else Accept-Language, else source. */
    private Lang lang(WebSocketConnection connection) {
        HandshakeRequest handshake = connection.handshakeRequest();
        List<String> asked = handshake.query() == null
                ? List.of()
                : new QueryStringDecoder(handshake.query(), false).parameters().getOrDefault("lang", List.of());
        return languages.choose(asked.isEmpty() ? null : asked.get(0), handshake.header("Accept-Language"));
    }

    private static UUID saleId(WebSocketConnection connection) {
        try {
            return UUID.fromString(connection.pathParam("id"));
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
