package org.originlive.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Context;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.originlive.common.Bus;
import org.originlive.common.Outbox;

/**
 * The NATS side of the scale-out bus ({@code ORIGINLIVE_BUS=nats}): a subject per sale, to which
 * this replica subscribes only while its viewers watch the sale, and one subject for viewer
 * counts. Sale events reach NATS only through the outbox relay, after commit. jnats runs its own
 * threads: what it hears is handed to the event loop; publishing with a flush runs on a worker.
 * Losing NATS stops no sale: checkout never touches it, the relay keeps rows until NATS is back,
 * and rooms resync from PostgreSQL when it returns.
 */
@ApplicationScoped
public class NatsBus {

    static final String SALE_SUBJECT = "originlive.sale.";
    static final String COUNTS_SUBJECT = "originlive.viewers";
    private static final Duration FLUSH = Duration.ofSeconds(2);

    private final Bus bus;
    private final Vertx vertx;
    private final Set<UUID> watched = ConcurrentHashMap.newKeySet();
    private final Counter reconnects;
    private final Counter resyncs;
    private volatile Connection connection;
    private volatile Dispatcher dispatcher;
    private volatile Context context;
    private volatile boolean up;
    private Consumer<String> onChanges = x -> {};
    private Consumer<String> onCounts = x -> {};
    private Runnable onBack = () -> {};

    NatsBus(Bus bus, Vertx vertx, MeterRegistry registry) {
        this.bus = bus;
        this.vertx = vertx;
        this.reconnects = Counter.builder("originlive.bus.reconnects")
                .description("Times this replica's NATS connection came back")
                .register(registry);
        this.resyncs = Counter.builder("originlive.bus.resyncs")
                .description("Times this replica re-read every watched sale after the bus was back")
                .register(registry);
    }

    boolean enabled() {
        return bus.nats();
    }

    /** Whether NATS is reachable now (the bus health check). */
    boolean up() {
        return up;
    }

    /** Connects in the background (retrying forever); what NATS brings goes to the handlers on the event loop. */
    void start(Consumer<String> changes, Consumer<String> counts, Runnable back) {
        this.onChanges = changes;
        this.onCounts = counts;
        this.onBack = back;
        this.context = vertx.getOrCreateContext();
        Options options = new Options.Builder()
                .servers(bus.natsUrls().toArray(String[]::new))
                .connectionName("origin-live")
                .maxReconnects(-1)
                .reconnectWait(Duration.ofSeconds(1))
                .connectionTimeout(Duration.ofSeconds(2))
                .connectionListener(this::event)
                .errorListener(new io.nats.client.ErrorListener() {})
                .build();
        try {
            Nats.connectAsynchronously(options, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Log.infof("Sale events on NATS (%s)", String.join(",", bus.natsUrls()));
    }

    private void event(Connection conn, ConnectionListener.Events type) {
        switch (type) {
            case CONNECTED -> {
                connection = conn;
                Dispatcher d = conn.createDispatcher(this::heard);
                d.subscribe(COUNTS_SUBJECT);
                watched.forEach(id -> d.subscribe(SALE_SUBJECT + id));
                dispatcher = d;
                up = true;
                Log.info("NATS connected");
                back();
            }
            case RECONNECTED -> {
                up = true;
                reconnects.increment();
                Log.info("NATS back: re-reading every watched sale");
                back();
            }
            case DISCONNECTED -> {
                up = false;
                Log.warn("NATS connection lost; reconnecting (sales go on, viewers resync when it is back)");
            }
            case CLOSED -> up = false;
            default -> {}
        }
    }

    private void back() {
        resyncs.increment();
        Context c = context;
        if (c != null) {
            c.runOnContext(onBack);
        }
    }

    private void heard(Message message) {
        String payload = new String(message.getData(), StandardCharsets.UTF_8);
        Consumer<String> handler = COUNTS_SUBJECT.equals(message.getSubject()) ? onCounts : onChanges;
        context.runOnContext(() -> handler.accept(payload));
    }

    /** This replica's viewers watch the sale: its events come here from now on (the subscription is flushed). */
    Uni<Void> watch(UUID saleId) {
        if (!watched.add(saleId)) {
            return Uni.createFrom().voidItem();
        }
        Dispatcher d = dispatcher;
        if (d == null) {
            return Uni.createFrom().voidItem(); // subscribed on connect; the room resyncs then
        }
        d.subscribe(SALE_SUBJECT + saleId);
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
                    try {
                        connection.flush(FLUSH);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    } catch (java.util.concurrent.TimeoutException e) {
                        throw new IllegalStateException("NATS did not confirm the subscription in " + FLUSH, e);
                    }
                    return null;
                }))
                .onFailure()
                .recoverWithItem(failure -> {
                    Log.debugf("NATS subscription of %s not confirmed: %s", saleId, failure.toString());
                    return null;
                })
                .replaceWithVoid();
    }

    void unwatch(UUID saleId) {
        Dispatcher d = dispatcher;
        if (watched.remove(saleId) && d != null) {
            d.unsubscribe(SALE_SUBJECT + saleId);
        }
    }

    /** Publishes a relay batch and waits until NATS has it; fails (the rows stay) when NATS is away. Blocks: worker threads only. */
    void publishConfirmed(List<Outbox.Message> messages) throws Exception {
        Connection c = connection;
        if (c == null || c.getStatus() != Connection.Status.CONNECTED) {
            throw new IllegalStateException("NATS is not connected");
        }
        for (Outbox.Message m : messages) {
            c.publish(SALE_SUBJECT + m.key(), m.payload().getBytes(StandardCharsets.UTF_8));
        }
        c.flush(FLUSH);
    }

    /** Viewer counts are ephemeral: sent when connected, else dropped (the next second brings new ones). */
    void publishCounts(String payload) {
        Connection c = connection;
        if (c != null && c.getStatus() == Connection.Status.CONNECTED) {
            c.publish(COUNTS_SUBJECT, payload.getBytes(StandardCharsets.UTF_8));
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
