package org.originlive.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.originlive.common.Periodic;
import org.originlive.live.RoomChat;
import org.originlive.live.SaleRooms;

/**
 * The chat's side of the live rooms. Committed chat changes arrive on this replica's LISTEN
 * connection; messages heard within one batch interval become one {@code chat} frame per sale,
 * reaction totals at most one {@code reactions} frame per sale and flush interval. All frames go
 * through the room's flush queue, so they share its ordering and batching.
 */
@ApplicationScoped
public class ChatFeed implements RoomChat {

    record ChatFrame(String type, List<ChatApi.ChatMessage> messages) {}

    record DeletedFrame(String type, UUID messageId) {}

    record PinnedFrame(String type, ChatApi.ChatMessage message) {}

    record ReactionsFrame(String type, ChatApi.Reactions counts) {}

    private final Map<UUID, List<ChatApi.ChatMessage>> messages = new LinkedHashMap<>();
    private final Map<UUID, ChatApi.Reactions> reactions = new HashMap<>();
    private final SaleRooms rooms;
    private final ChatHistoryService history;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final ChatConfig config;
    private Periodic timer;
    private long batches;

    ChatFeed(SaleRooms rooms, ChatHistoryService history, ObjectMapper json, Vertx vertx, ChatConfig config) {
        this.rooms = rooms;
        this.history = history;
        this.json = json;
        this.vertx = vertx;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        timer = Periodic.run(vertx, "Chat feed flush", config.batchInterval(), this::flush);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.stop();
        }
    }

    @Override
    public String channel() {
        return ChatEvents.CHANNEL;
    }

    @Override
    public synchronized void onNotify(String payload) {
        ChatEvent event;
        try {
            event = json.readValue(payload, ChatEvent.class);
        } catch (Exception e) {
            Log.warnf("Ignoring a malformed chat event: %s", e.getMessage());
            return;
        }
        switch (event.kind()) {
            case ChatEvent.CHAT -> messages.computeIfAbsent(event.saleId(), id -> new ArrayList<>())
                    .addAll(event.messages());
            case ChatEvent.DELETED -> {
                // Messages heard before go first, so a deletion never overtakes its message.
                flushMessages(event.saleId());
                rooms.queueFrame(event.saleId(), "chat_deleted", new DeletedFrame("chat_deleted", event.messageId()));
            }
            case ChatEvent.PINNED -> {
                flushMessages(event.saleId());
                rooms.queueFrame(event.saleId(), "chat_pinned", new PinnedFrame("chat_pinned", event.message()));
            }
            case ChatEvent.REACTIONS -> reactions.put(event.saleId(), event.counts());
            default -> Log.warnf("Ignoring an unknown chat event %s", event.kind());
        }
    }

    @Override
    public Uni<RoomChat.Snapshot> snapshot(UUID saleId) {
        return Uni.combine()
                .all()
                .unis(history.latest(saleId), history.extras(saleId))
                .asTuple()
                .map(read -> new RoomChat.Snapshot(
                        read.getItem1(),
                        read.getItem2().pinned(),
                        read.getItem2().reactions()));
    }

    private synchronized void flush() {
        for (UUID saleId : new ArrayList<>(messages.keySet())) {
            flushMessages(saleId);
        }
        long perFlush = Math.max(
                1,
                config.reactionFlushInterval().toMillis()
                        / config.batchInterval().toMillis());
        if (++batches % perFlush == 0 && !reactions.isEmpty()) {
            // Totals only arrive when they changed; the latest of the interval wins.
            reactions.forEach(
                    (saleId, counts) -> rooms.queueFrame(saleId, "reactions", new ReactionsFrame("reactions", counts)));
            reactions.clear();
        }
    }

    private void flushMessages(UUID saleId) {
        List<ChatApi.ChatMessage> due = messages.remove(saleId);
        if (due != null && !due.isEmpty()) {
            rooms.queueFrame(saleId, "chat", new ChatFrame("chat", due));
        }
    }
}
