package org.originlive.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JSON shapes of the live room's chat, moderation and reactions. */
public final class ChatApi {

    private ChatApi() {}

    public enum Kind {
        TEXT,
        QUESTION
    }

    public enum Status {
        VISIBLE,
        HELD,
        DELETED
    }

    public enum ReactionType {
        @JsonProperty("like")
        LIKE,
        @JsonProperty("heart")
        HEART,
        @JsonProperty("fire")
        FIRE
    }

    /** {@code kind} defaults to TEXT; the body is checked by {@link ChatText}. */
    public record PostMessage(String body, Kind kind) {}

    /** Never an email: the display name as it was when the message was posted. */
    public record Author(UUID id, String displayName, String role) {}

    public record ChatMessage(
            UUID id, UUID saleId, Long seq, Author author, Kind kind, String body, Status status, Instant createdAt) {}

    /** {@code latestSeq}: the sale's last given seq, so a client knows how far it has read. */
    public record ChatPage(List<ChatMessage> items, long latestSeq) {}

    public record BanRequest(UUID userId, Integer durationSeconds, String reason) {}

    public record Ban(UUID userId, Instant until, String reason) {}

    public record Bans(List<Ban> items) {}

    public record Settings(Boolean enabled, Integer slowModeSeconds, List<String> blockedTerms) {}

    public record React(ReactionType type) {}

    public record Reactions(long like, long heart, long fire) {

        public static final Reactions NONE = new Reactions(0, 0, 0);
    }
}
