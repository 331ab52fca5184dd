package org.originlive.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
    public record PostMessage(
            @Schema(
                            minLength = 1,
                            maxLength = ChatService.MAX_BODY,
                            description = "One line, 1-200 characters after trimming")
                    String body,
            Kind kind) {}

    /** Never an email: the display name as it was when the message was posted. */
    public record Author(UUID id, String displayName, String role) {}

    public record ChatMessage(
            UUID id,
            UUID saleId,
            @Schema(nullable = true, description = "Null while HELD") Long seq,
            Author author,
            Kind kind,
            String body,
            Status status,
            Instant createdAt) {}

    /** {@code latestSeq}: the sale's last given seq, so a client knows how far it has read. */
    public record ChatPage(List<ChatMessage> items, long latestSeq) {}

    public record BanRequest(
            UUID userId,
            @Schema(
                            minimum = "1",
                            maximum = "" + ModerationService.MAX_BAN_SECONDS,
                            description = "Absent: until the sale ends")
                    Integer durationSeconds,
            @Schema(maxLength = ModerationService.MAX_REASON) String reason) {}

    public record Ban(UUID userId, Instant until, @Schema(nullable = true) String reason) {}

    public record Bans(List<Ban> items) {}

    public record Settings(
            Boolean enabled,
            @Schema(minimum = "0", maximum = "" + ModerationService.MAX_SLOW_MODE) Integer slowModeSeconds,
            @Schema(maxItems = ModerationService.MAX_TERMS)
                    List<@Size(min = 1, max = ModerationService.MAX_TERM) String> blockedTerms) {}

    public record React(ReactionType type) {}

    public record Reactions(long like, long heart, long fire) {

        public static final Reactions NONE = new Reactions(0, 0, 0);
    }
}
