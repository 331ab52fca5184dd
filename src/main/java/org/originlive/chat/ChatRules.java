package org.originlive.chat;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.originlive.common.ProblemType;
import org.originlive.common.RetryLater;

/**
 * The moderation rules for one post, judged on what the database says under the room lock:
 * slow mode, one question a minute, at most N messages in any window. Moderators are exempt.
 */
@ApplicationScoped
class ChatRules {

    private final ChatConfig config;
    private final List<String> platformTerms;

    ChatRules(ChatConfig config) {
        this.config = config;
        this.platformTerms = config.blockedTerms().orElse(List.of()).stream()
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .map(t -> t.toLowerCase(Locale.ROOT))
                .toList();
    }

    /** How far back the rules look; bounds the query of a user's recent messages. */
    Duration lookback(int slowModeSeconds) {
        Duration longest =
                config.window().compareTo(config.questionInterval()) > 0 ? config.window() : config.questionInterval();
        Duration slow = Duration.ofSeconds(slowModeSeconds);
        return slow.compareTo(longest) > 0 ? slow : longest;
    }

    int messagesPerWindow() {
        return config.messagesPerWindow();
    }

    /** Throws a 429 with Retry-After when the post breaks a rule. */
    void check(ChatRepository.Recent recent, int slowModeSeconds, ChatApi.Kind kind) {
        Instant now = recent.now();
        if (slowModeSeconds > 0 && recent.lastMessage() != null) {
            Instant next = recent.lastMessage().plusSeconds(slowModeSeconds);
            if (next.isAfter(now)) {
                throw new RetryLater(
                        ProblemType.SLOW_MODE,
                        "Slow mode is on: one message every " + slowModeSeconds + " s",
                        seconds(now, next),
                        null);
            }
        }
        if (kind == ChatApi.Kind.QUESTION && recent.lastQuestion() != null) {
            Instant next = recent.lastQuestion().plus(config.questionInterval());
            if (next.isAfter(now)) {
                throw new RetryLater(
                        ProblemType.SLOW_MODE,
                        "One question every " + config.questionInterval().toSeconds() + " s",
                        seconds(now, next),
                        null);
            }
        }
        if (recent.nthLatest() != null) {
            Instant next = recent.nthLatest().plus(config.window());
            if (next.isAfter(now)) {
                throw new RetryLater(
                        ProblemType.RATE_LIMITED,
                        "At most " + config.messagesPerWindow() + " messages in "
                                + config.window().toSeconds() + " s",
                        seconds(now, next),
                        config.messagesPerWindow());
            }
        }
    }

    /** True when the body contains one of the sale's or the platform's blocked terms. */
    boolean isBlocked(String body, List<String> saleTerms) {
        String text = body.toLowerCase(Locale.ROOT);
        return platformTerms.stream().anyMatch(text::contains)
                || saleTerms.stream().map(t -> t.toLowerCase(Locale.ROOT)).anyMatch(text::contains);
    }

    private static long seconds(Instant now, Instant next) {
        return (Duration.between(now, next).toMillis() + 999) / 1000;
    }
}
