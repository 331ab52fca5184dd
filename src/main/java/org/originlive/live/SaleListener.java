package org.originlive.live;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.originlive.sale.SaleEvents;

/**
 * The replica's one LISTEN connection. It re-opens by itself after the database went away and
 * then has every local viewer re-read its sale, since NOTIFYs sent meanwhile are lost.
 */
@ApplicationScoped
public class SaleListener {

    private final SaleRooms rooms;
    private final RoomChat chat;
    private final Vertx vertx;
    private final LiveConfig config;
    private final NatsBus nats;
    private final io.micrometer.core.instrument.MeterRegistry registry;
    private final PgConnectOptions options;
    private final AtomicInteger subscriptions = new AtomicInteger();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean listening = new AtomicBoolean();
    private PgSubscriber subscriber;

    SaleListener(
            SaleRooms rooms,
            RoomChat chat,
            Vertx vertx,
            LiveConfig config,
            NatsBus nats,
            io.micrometer.core.instrument.MeterRegistry registry,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String username,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.rooms = rooms;
        this.chat = chat;
        this.vertx = vertx;
        this.config = config;
        this.nats = nats;
        this.registry = registry;
        this.options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(username)
                .setPassword(password);
    }

    void onStart(@Observes StartupEvent event) {
        io.micrometer.core.instrument.Gauge.builder("originlive.bus.up", this, l -> l.busUp() ? 1 : 0)
                .description("1 while this replica hears the sales' bus (NATS, or its LISTEN connection)")
                .register(registry);
        subscriber = PgSubscriber.subscriber(vertx, options);
        long retry = config.listenRetry().toMillis();
        subscriber.reconnectPolicy(attempt -> stopping.get() ? -1L : retry);
        if (nats.enabled()) {
            // Sale events and viewer counts come over NATS; chat stays on LISTEN.
            subscriber.channel(chat.channel()).handler(chat::onNotify).subscribeHandler(this::subscribed);
            nats.start(rooms::onChanges, rooms::onViewerCounts, rooms::resyncAll);
        } else {
            subscriber.channel(SaleEvents.CHANNEL).handler(rooms::onChanges).subscribeHandler(this::subscribed);
            subscriber.channel(ViewerCounts.CHANNEL).handler(rooms::onViewerCounts);
            subscriber.channel(chat.channel()).handler(chat::onNotify);
        }
        subscriber.closeHandler(() -> {
            listening.set(false);
            Log.warn("LISTEN connection lost; reconnecting");
        });
        connect();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping.set(true);
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    public boolean isListening() {
        return listening.get();
    }

    /** Whether this replica hears the sales' bus: NATS with the nats bus, else its LISTEN connection. */
    boolean busUp() {
        return nats.enabled() ? nats.up() : isListening();
    }

    private void connect() {
        subscriber.connect().subscribe().with(ok -> Log.debug("LISTEN connection open"), failure -> {
            if (!stopping.get()) {
                Log.warnf("LISTEN connection failed (%s); retrying", failure.getMessage());
                vertx.setTimer(config.listenRetry().toMillis(), id -> connect());
            }
        });
    }

    private void subscribed() {
        listening.set(true);
        if (subscriptions.incrementAndGet() > 1) {
            Log.info("LISTEN connection back; resyncing viewers");
            rooms.resyncAll();
        }
    }
}
