package org.originlive.chat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/** Chat meters, exported at /q/metrics. */
// Created at start-up so every meter is exported from the first scrape.
@Startup
@ApplicationScoped
public class ChatMetrics {

    private final Counter posted;
    private final Counter held;
    private final Counter deleted;
    private final Counter bans;
    private final Counter reactionsCounted;
    private final Counter reactionsIgnored;

    ChatMetrics(MeterRegistry registry) {
        posted = registry.counter("originlive.chat.messages.posted");
        held = registry.counter("originlive.chat.messages.held");
        deleted = registry.counter("originlive.chat.messages.deleted");
        bans = registry.counter("originlive.chat.bans");
        reactionsCounted = registry.counter("originlive.chat.reactions", "outcome", "counted");
        reactionsIgnored = registry.counter("originlive.chat.reactions", "outcome", "ignored");
    }

    void posted(ChatApi.Status status) {
        posted.increment();
        if (status == ChatApi.Status.HELD) {
            held.increment();
        }
    }

    void deleted() {
        deleted.increment();
    }

    void banned() {
        bans.increment();
    }

    void reaction(boolean counted) {
        (counted ? reactionsCounted : reactionsIgnored).increment();
    }
}
