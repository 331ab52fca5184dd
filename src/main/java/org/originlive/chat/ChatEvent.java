package org.originlive.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/**
 * One committed change of a sale's chat as NOTIFY carries it to every replica: {@code chat}
 * (messages just made VISIBLE), {@code deleted} (messageId), {@code pinned} (message, absent when
 * unpinned) or {@code reactions} (totals). A message is at most ~1.5 KB of JSON (200 characters of
 * body, a 100-character name), far under NOTIFY's 8000 bytes; history never travels this way.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChatEvent(
        String kind,
        UUID saleId,
        List<ChatApi.ChatMessage> messages,
        UUID messageId,
        ChatApi.ChatMessage message,
        ChatApi.Reactions counts) {

    static final String CHAT = "chat";
    static final String DELETED = "deleted";
    static final String PINNED = "pinned";
    static final String REACTIONS = "reactions";

    static ChatEvent chat(ChatApi.ChatMessage message) {
        return new ChatEvent(CHAT, message.saleId(), List.of(message), null, null, null);
    }

    static ChatEvent deleted(UUID saleId, UUID messageId) {
        return new ChatEvent(DELETED, saleId, null, messageId, null, null);
    }

    static ChatEvent pinned(UUID saleId, ChatApi.ChatMessage message) {
        return new ChatEvent(PINNED, saleId, null, null, message, null);
    }

    static ChatEvent reactions(UUID saleId, ChatApi.Reactions counts) {
        return new ChatEvent(REACTIONS, saleId, null, null, null, counts);
    }
}
