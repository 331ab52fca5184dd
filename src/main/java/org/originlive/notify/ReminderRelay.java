package org.originlive.notify;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.originlive.common.TopicRelay;
import org.originlive.common.TopicRelays;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;
import org.originlive.i18n.Lang;
import org.originlive.sale.SaleQueries;
import org.originlive.sale.SaleStarts;

/**
 * A sale going LIVE writes one outbox message (topic {@value #TOPIC}, keyed by the sale) in the
 * move's transaction, however many buyers wait. Its relay (one replica per sale, by the outbox's
 * lock) claims the waiting reminders a page at a time, each page in its own transaction with the
 * emails and pushes it queues: a relay that dies mid-sale leaves the rest WAITING for the next
 * round, and nobody is told twice.
 */
@ApplicationScoped
class ReminderRelay implements SaleStarts {

    static final String TOPIC = "reminder";

    private final Transactions transactions;
    private final Reminders reminders;
    private final Recipients recipients;
    private final EmailRepository emails;
    private final EmailRelay emailRelay;
    private final BuyerPush push;
    private final SaleQueries sales;
    private final EmailContent content;
    private final NotifyConfig config;
    private final TopicRelay relay;

    ReminderRelay(
            Transactions transactions,
            Reminders reminders,
            Recipients recipients,
            EmailRepository emails,
            EmailRelay emailRelay,
            BuyerPush push,
            SaleQueries sales,
            EmailContent content,
            NotifyConfig config,
            TopicRelays relays) {
        this.transactions = transactions;
        this.reminders = reminders;
        this.recipients = recipients;
        this.emails = emails;
        this.emailRelay = emailRelay;
        this.push = push;
        this.sales = sales;
        this.content = content;
        this.config = config;
        this.relay = relays.of(new TopicRelays.Spec(
                TOPIC, "Reminder", 5, TopicRelay.Pace.IN_TURN, sale -> tell(UUID.fromString(sale))));
    }

    void onStart(@Observes StartupEvent event) {
        relay.start();
    }

    @Override
    public Uni<Void> started(Tx tx, UUID saleId) {
        return relay.queue(tx, List.of(saleId));
    }

    // Every replica: sales another replica left half told.
    @Scheduled(every = "${originlive.notify.sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        relay.wake();
    }

    /** Every waiting buyer of the sale, a page per transaction, until none waits. */
    private Uni<Void> tell(UUID saleId) {
        Map<String, BuyerPush.Notice> notices = new HashMap<>();
        return Multi.createBy()
                .repeating()
                .uni(() -> transactions.inTransaction(tx -> page(tx, saleId, notices)))
                .whilst(told -> told == config.reminderPage())
                .collect()
                .last()
                .replaceWithVoid();
    }

    private Uni<Integer> page(Tx tx, UUID saleId, Map<String, BuyerPush.Notice> notices) {
        return reminders
                .claim(tx, saleId, config.reminderPage())
                .flatMap(users -> users.isEmpty()
                        ? Uni.createFrom().item(0)
                        : emails.queue(tx, EmailRepository.Kind.REMINDER, saleId, users)
                                .flatMap(ids -> emailRelay.queue(tx, ids))
                                .flatMap(x -> recipients.languages(tx, users))
                                .flatMap(languages -> pushes(tx, saleId, users, languages, notices))
                                .replaceWith(users.size()));
    }

    private Uni<Void> pushes(
            Tx tx, UUID saleId, List<UUID> users, Map<UUID, String> languages, Map<String, BuyerPush.Notice> notices) {
        return Multi.createFrom()
                .iterable(users)
                .onItem()
                .transformToUniAndConcatenate(user -> notice(saleId, languages.getOrDefault(user, "en"), notices)
                        .flatMap(notice -> push.queue(tx, user, notice)))
                .collect()
                .last()
                .replaceWithVoid();
    }

    /** The push notice in {@code language}: the reminder email's subject and the sale's title. */
    private Uni<BuyerPush.Notice> notice(UUID saleId, String language, Map<String, BuyerPush.Notice> notices) {
        BuyerPush.Notice known = notices.get(language);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return sales.get(saleId, new Lang(language)).map(sale -> {
            String url = content.saleUrl(saleId);
            String subject = content.render(
                            EmailRepository.Kind.REMINDER,
                            language,
                            Map.of("name", "", "saleTitle", sale.title(), "saleUrl", url, "unsubscribeUrl", ""))
                    .subject();
            BuyerPush.Notice notice = new BuyerPush.Notice(subject, sale.title(), url, "sale-" + saleId);
            notices.put(language, notice);
            return notice;
        });
    }
}
