package org.originlive.support;

import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** A real WebSocket viewer that records every frame it receives and how it was closed. */
public final class WsClient implements AutoCloseable {

    private static final Vertx VERTX = Vertx.vertx();
    private static final WebSocketClient CLIENT = VERTX.createWebSocketClient(
            new WebSocketClientOptions().setMaxConnections(5000).setMaxFrameSize(1 << 20));

    public final List<JsonObject> frames = new CopyOnWriteArrayList<>();
    private volatile Short closeCode;
    private volatile String closeReason;
    private final ClientWebSocket socket;

    // Handlers are in place before the handshake, so not even the first frame can be missed.
    private WsClient(ClientWebSocket socket) {
        this.socket = socket;
        socket.textMessageHandler(text -> frames.add(new JsonObject(text)));
        socket.closeHandler(v -> {
            closeCode = socket.closeStatusCode();
            closeReason = socket.closeReason();
        });
    }

    public static WsClient watch(String saleId) {
        return watch(RestAssured.port, saleId);
    }

    public static WsClient watch(int port, String saleId) {
        return watch(port, "/ws/sales/" + saleId, Map.of());
    }

    /** A viewer on any socket URI (with a query such as {@code ?lang=}) sending these handshake headers. */
    public static WsClient watch(int port, String uri, Map<String, String> headers) {
        try {
            WsClient client = new WsClient(CLIENT.webSocket());
            WebSocketConnectOptions options = new WebSocketConnectOptions()
                    .setHost("localhost")
                    .setPort(port)
                    .setURI(uri);
            headers.forEach(options::addHeader);
            client.socket
                    .connect(options)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(20, TimeUnit.SECONDS);
            return client;
        } catch (Exception e) {
            throw new IllegalStateException("Could not connect a viewer", e);
        }
    }

    public void send(String text) {
        socket.writeTextMessage(text);
    }

    public List<JsonObject> ofType(String type) {
        return frames.stream().filter(f -> type.equals(f.getString("type"))).collect(Collectors.toList());
    }

    public List<String> types() {
        return frames.stream().map(f -> f.getString("type")).collect(Collectors.toList());
    }

    /** Frames other than the clock and audience ones, which arrive on their own schedule. */
    public List<JsonObject> changes() {
        return frames.stream()
                .filter(f -> !List.of("tick", "viewers").contains(f.getString("type")))
                .collect(Collectors.toList());
    }

    /** The first item's remaining as of the newest (highest seq) stock or snapshot frame; -1 before any. */
    public int remaining() {
        long newest = -1;
        int remaining = -1;
        for (JsonObject frame : frames) {
            Long seq = frame.getLong("seq");
            if (seq == null || seq < newest) {
                continue;
            }
            if ("stock".equals(frame.getString("type"))) {
                newest = seq;
                remaining = frame.getInteger("remaining");
            } else if ("snapshot".equals(frame.getString("type"))) {
                newest = seq;
                remaining = frame.getJsonObject("sale")
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getInteger("remaining");
            }
        }
        return remaining;
    }

    public Short closeCode() {
        return closeCode;
    }

    public String closeReason() {
        return closeReason;
    }

    public boolean isClosed() {
        return closeCode != null || socket.isClosed();
    }

    @Override
    public void close() {
        if (!socket.isClosed()) {
            socket.close();
        }
    }
}
