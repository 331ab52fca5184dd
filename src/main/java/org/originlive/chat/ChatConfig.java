package org.originlive.chat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the live room's chat; the moderation rules hold whatever the rate-limit switch says. */
@ConfigMapping(prefix = "originlive.chat")
public interface ChatConfig {

    /** Platform-wide blocked terms (case-insensitive substrings), added to every sale's own list. */
    Optional<List<String>> blockedTerms();

    /** Messages one user may post in any {@link #window()} (moderators exempt). */
    @WithDefault("20")
    int messagesPerWindow();

    /** The sliding window of {@link #messagesPerWindow()}. */
    @WithDefault("30s")
    Duration window();

    /** At most one QUESTION per user in this time. */
    @WithDefault("60s")
    Duration questionInterval();

    /** Reactions counted per user and second on one replica; the rest are ignored. */
    @WithDefault("10")
    int reactionsPerSecond();

    /** How often counted reactions are added to the totals and announced (@Scheduled: a second or more). */
    @WithDefault("1s")
    Duration reactionFlushInterval();

    /** Messages heard within this time go to viewers as one chat frame. */
    @WithDefault("100ms")
    Duration batchInterval();

    /** How many of the latest messages a snapshot carries. */
    @WithDefault("50")
    int snapshotMessages();
}
