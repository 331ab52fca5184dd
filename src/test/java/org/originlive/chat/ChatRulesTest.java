package org.originlive.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.originlive.common.ProblemType;
import org.originlive.common.RetryLater;
import org.originlive.support.Configs;

/** The chat's moderation rules on what the database said, without a database. */
class ChatRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static ChatRules rules(Optional<List<String>> blockedTerms) {
        Map<String, Object> values = new HashMap<>();
        values.put("blockedTerms", blockedTerms);
        values.put("messagesPerWindow", 20);
        values.put("window", Duration.ofSeconds(30));
        values.put("questionInterval", Duration.ofSeconds(60));
        return new ChatRules(Configs.of(ChatConfig.class, values));
    }

    private final ChatRules rules = rules(Optional.of(List.of(" Spam ", "", "SCAM")));

    private static ChatRepository.Recent recent(Instant lastMessage, Instant lastQuestion, Instant nthLatest) {
        return new ChatRepository.Recent(lastMessage, lastQuestion, nthLatest, NOW);
    }

    private RetryLater refused(ChatRepository.Recent recent, int slowMode, ChatApi.Kind kind) {
        return catchThrowableOfType(RetryLater.class, () -> rules.check(recent, slowMode, kind));
    }

    @Test
    void aFirstMessagePasses() {
        assertThatCode(() -> rules.check(recent(null, null, null), 30, ChatApi.Kind.QUESTION))
                .doesNotThrowAnyException();
    }

    @Test
    void slowModeWaitsForTheRestOfItsInterval() {
        RetryLater wait = refused(recent(NOW.minusSeconds(4), null, null), 10, ChatApi.Kind.TEXT);
        assertThat(wait.type()).isEqualTo(ProblemType.SLOW_MODE);
        assertThat(wait.retryAfterSeconds()).isEqualTo(6);
        assertThat(wait.limit()).isNull();
        // rounded up: 0.4 s left is 1 s
        assertThat(refused(recent(NOW.minusMillis(9_600), null, null), 10, ChatApi.Kind.TEXT)
                        .retryAfterSeconds())
                .isEqualTo(1);
        // exactly the interval later, and with slow mode off, the message passes
        assertThatCode(() -> rules.check(recent(NOW.minusSeconds(10), null, null), 10, ChatApi.Kind.TEXT))
                .doesNotThrowAnyException();
        assertThatCode(() -> rules.check(recent(NOW, null, null), 0, ChatApi.Kind.TEXT))
                .doesNotThrowAnyException();
    }

    @Test
    void oneQuestionAMinuteButTextStillFlows() {
        RetryLater wait = refused(recent(null, NOW.minusSeconds(15), null), 0, ChatApi.Kind.QUESTION);
        assertThat(wait.type()).isEqualTo(ProblemType.SLOW_MODE);
        assertThat(wait.retryAfterSeconds()).isEqualTo(45);
        assertThatCode(() -> rules.check(recent(null, NOW.minusSeconds(15), null), 0, ChatApi.Kind.TEXT))
                .doesNotThrowAnyException();
        assertThatCode(() -> rules.check(recent(null, NOW.minusSeconds(60), null), 0, ChatApi.Kind.QUESTION))
                .doesNotThrowAnyException();
    }

    @Test
    void theNthLatestMessageInsideTheWindowRefusesWithTheLimit() {
        RetryLater wait = refused(recent(null, null, NOW.minusSeconds(20)), 0, ChatApi.Kind.TEXT);
        assertThat(wait.type()).isEqualTo(ProblemType.RATE_LIMITED);
        assertThat(wait.retryAfterSeconds()).isEqualTo(10);
        assertThat(wait.limit()).isEqualTo(20);
        assertThatCode(() -> rules.check(recent(null, null, NOW.minusSeconds(30)), 0, ChatApi.Kind.TEXT))
                .doesNotThrowAnyException();
    }

    @Test
    void slowModeIsJudgedFirst() {
        RetryLater wait = refused(
                recent(NOW.minusSeconds(1), NOW.minusSeconds(1), NOW.minusSeconds(1)), 5, ChatApi.Kind.QUESTION);
        assertThat(wait.getMessage()).contains("Slow mode");
        assertThat(wait.retryAfterSeconds()).isEqualTo(4);
    }

    @Test
    void theLookbackCoversTheLongestRule() {
        assertThat(rules.lookback(0)).isEqualTo(Duration.ofSeconds(60));
        assertThat(rules.lookback(120)).isEqualTo(Duration.ofSeconds(120));
        assertThat(rules.messagesPerWindow()).isEqualTo(20);
    }

    @Test
    void blockedTermsMatchAnywhereInAnyCase() {
        assertThat(rules.isBlocked("Cheap SPAM here", List.of())).isTrue();
        assertThat(rules.isBlocked("a scammer", List.of())).isTrue();
        assertThat(rules.isBlocked("fresh chili", List.of("Chili"))).isTrue();
        assertThat(rules.isBlocked("fresh coffee", List.of("chili"))).isFalse();
        // a blank platform term blocks nothing
        assertThat(rules(Optional.of(List.of("  "))).isBlocked("anything", List.of()))
                .isFalse();
        assertThat(rules(Optional.empty()).isBlocked("spam", List.of())).isFalse();
    }
}
