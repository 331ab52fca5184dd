package org.originlive.phone;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.originlive.common.OutageLog;
import org.originlive.common.Transactions;
import org.originlive.fulfillment.FulfillmentAlerts.Opened;
import org.originlive.fulfillment.FulfillmentService;

/**
 * Fulfilments nobody accepted: still NEW after {@code remind-after} (24 h) each confirmed phone
 * gets one reminder SMS; after {@code escalate-after} (48 h) the admins are alerted once: a WARN
 * log line, {@code originlive_fulfillments_overdue_total}, and a row in
 * {@code GET /api/admin/overdue-fulfillments}. Every replica sweeps; the marks are unique keys.
 */
// Created at start-up: its meters are exported before the first SMS.
@io.quarkus.runtime.Startup
@ApplicationScoped
class OverdueJobs {

    private static final int BATCH = 200;
    private static final Duration LOOK_BACK = Duration.ofDays(7);

    private final FulfillmentService fulfillments;
    private final OverdueRepository overdue;
    private final NewOrderAlerts alerts;
    private final Transactions transactions;
    private final SmsConfig config;
    private final Clock clock;
    private final Counter escalated;
    private final OutageLog outages = new OutageLog("Overdue fulfilment alerts");

    OverdueJobs(
            FulfillmentService fulfillments,
            OverdueRepository overdue,
            NewOrderAlerts alerts,
            Transactions transactions,
            SmsConfig config,
            Clock clock,
            MeterRegistry registry) {
        this.fulfillments = fulfillments;
        this.overdue = overdue;
        this.alerts = alerts;
        this.transactions = transactions;
        this.config = config;
        this.clock = clock;
        this.escalated = Counter.builder("originlive.fulfillments.overdue")
                .description("Fulfilments still NEW past escalate-after (48 h): admins alerted")
                .register(registry);
    }

    @Scheduled(every = "${originlive.sms.overdue-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        Instant now = clock.instant();
        return outages.watch(from(now.minus(LOOK_BACK), null, now));
    }

    /** Every overdue fulfilment, a batch at a time (the marks make repeats harmless). */
    private Uni<Void> from(Instant afterTime, java.util.UUID afterId, Instant now) {
        return fulfillments
                .stillNew(afterTime, afterId, now.minus(config.remindAfter()), BATCH)
                .flatMap(late -> {
                    if (late.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    Opened last = late.get(late.size() - 1);
                    return handle(late, now)
                            .flatMap(x -> late.size() < BATCH
                                    ? Uni.createFrom().voidItem()
                                    : from(last.openedAt(), last.id(), now));
                });
    }

    private Uni<Void> handle(List<Opened> late, Instant now) {
        Instant escalateBefore = now.minus(config.escalateAfter());
        List<java.util.UUID> overdueIds = late.stream()
                .filter(o -> !o.openedAt().isAfter(escalateBefore))
                .map(Opened::id)
                .toList();
        return transactions.inTransaction(tx -> overdue.remind(tx, late)
                .flatMap(reminded -> alerts.queue(tx, SmsRepository.Kind.REMINDER, reminded))
                .flatMap(x -> overdueIds.isEmpty()
                        ? Uni.createFrom().item(List.<Opened>of())
                        : overdue.escalate(tx, overdueIds))
                .invoke(list -> list.forEach(o -> tx.afterCommit(() -> {
                    escalated.increment();
                    Log.warnf(
                            "Fulfilment %s (%s) of cooperative %s is still NEW since %s: admins alerted",
                            o.id(), o.shortCode(), o.cooperativeId(), o.openedAt());
                })))
                .replaceWithVoid());
    }
}
