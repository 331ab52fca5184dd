package org.originlive.common;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code originlive_outbox_oldest_seconds{topic}}: how long the oldest message of each topic has
 * waited for its relay (0 when none waits). A relay delivers or hands a failed message to its own
 * retry table within seconds, so a growing age means that topic stopped draining
 * (alert {@code OriginLiveOutboxStalled}).
 */
@ApplicationScoped
public class OutboxAges {

    private final Outbox outbox;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> millis = new ConcurrentHashMap<>();
    private final OutageLog outages = new OutageLog("Outbox age");

    OutboxAges(Outbox outbox, MeterRegistry registry) {
        this.outbox = outbox;
        this.registry = registry;
    }

    // After the relays registered their topics (default observer priority 2500), so each topic's
    // gauge is exported from the start.
    void onStart(@Observes @Priority(5000) StartupEvent event) {
        outbox.topics().forEach(this::gauge);
    }

    @Scheduled(every = "${originlive.outbox.age-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> measure() {
        return outages.watch(outbox.ages().invoke(this::record));
    }

    private void record(Map<String, Duration> ages) {
        outbox.topics().forEach(this::gauge);
        ages.keySet().forEach(this::gauge);
        millis.forEach((topic, value) ->
                value.set(ages.getOrDefault(topic, Duration.ZERO).toMillis()));
    }

    private AtomicLong gauge(String topic) {
        return millis.computeIfAbsent(topic, t -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("originlive.outbox.oldest.seconds", value, v -> v.get() / 1000.0)
                    .description("How long the topic's oldest outbox message has waited for its relay")
                    .tag("topic", t)
                    .register(registry);
            return value;
        });
    }
}
