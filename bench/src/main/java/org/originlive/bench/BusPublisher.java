package org.originlive.bench;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends sale events at a paced rate, round robin over the sales, each with the next {@code seq} of
 * its sale and its send time. Counts the events that reached the bus and were sent inside the
 * measured window, which is what the replicas should each have heard.
 */
abstract class BusPublisher implements AutoCloseable {

    /** Events on the bus during the row and during its measured window. */
    record Sent(long total, long inWindow) {}

    protected final List<String> sales;
    protected final AtomicLong published = new AtomicLong();
    protected final AtomicLong inWindow = new AtomicLong();

    BusPublisher(List<String> sales) {
        this.sales = sales;
    }

    /**
     * Sends {@code rate} events/s from {@code rowStart} until {@code to}, each when it is due or, with
     * a {@code round} (ns), what fell due in the round at its end; returns when all are on the bus.
     */
    Sent run(double rate, long round, long rowStart, long from, long to) throws Exception {
        published.set(0);
        inWindow.set(0);
        LockSupport.parkNanos(rowStart - System.nanoTime());
        long issued = 0;
        for (long now = System.nanoTime(); now < to; now = System.nanoTime()) {
            long due = (long) ((now - rowStart) / 1e9 * rate);
            boolean full = false;
            while (issued < due && !full) {
                full = !send((int) (issued % sales.size()), from, to);
                if (!full) {
                    issued++;
                }
            }
            long next = full ? now + 200_000 : rowStart + (long) ((issued + 1) * 1e9 / rate);
            if (round > 0 && !full) {
                next = rowStart + ((next - rowStart) / round + 1) * round;
            }
            LockSupport.parkNanos(Math.min(next, to) - System.nanoTime());
        }
        drain();
        return new Sent(published.get(), inWindow.get());
    }

    /** Sends one event of the sale now; false when the publisher can take no more for the moment. */
    protected abstract boolean send(int sale, long from, long to);

    protected abstract void drain() throws Exception;

    protected void count(long sent, long from, long to) {
        published.incrementAndGet();
        if (sent >= from && sent < to) {
            inWindow.incrementAndGet();
        }
    }

    /** As the app's relay: one connection, a subject per sale. */
    static final class OnNats extends BusPublisher {
        private final Connection connection;
        private final long[] seq;

        OnNats(String url, List<String> sales) throws Exception {
            super(sales);
            this.connection = Nats.connect(
                    new Options.Builder().server(url).connectionName("relay").build());
            this.seq = new long[sales.size()];
        }

        @Override
        protected boolean send(int sale, long from, long to) {
            long sent = System.nanoTime();
            String saleId = sales.get(sale);
            byte[] payload = BusEvent.encode(saleId, ++seq[sale], sent).getBytes(StandardCharsets.UTF_8);
            connection.publish(BusEvent.SUBJECT + saleId, payload);
            count(sent, from, to);
            return true;
        }

        @Override
        protected void drain() throws Exception {
            connection.flush(Duration.ofSeconds(30));
        }

        @Override
        public void close() throws Exception {
            connection.close();
        }
    }

    /**
     * As the app's {@code postgres} bus: one transaction per event that claims the sale's seq (the
     * row lock orders a sale's NOTIFYs) and {@code pg_notify}s, over a few publisher connections
     * with at most four transactions queued each: a database that cannot keep up shows as fewer
     * events published.
     */
    static final class OnPostgres extends BusPublisher {
        private final Vertx vertx = Vertx.vertx();
        private final Pool pool;
        private final int maxInFlight;
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger failures = new AtomicInteger();

        OnPostgres(int port, int connections, List<String> sales) throws Exception {
            super(sales);
            PgConnectOptions connect = new PgConnectOptions()
                    .setHost("localhost")
                    .setPort(port)
                    .setDatabase("postgres")
                    .setUser("postgres")
                    .setPassword("postgres");
            this.pool = PgBuilder.pool()
                    .with(new PoolOptions().setMaxSize(connections))
                    .connectingTo(connect)
                    .using(vertx)
                    .build();
            this.maxInFlight = connections * 4;
            await(pool.query("CREATE TABLE IF NOT EXISTS bus_sale (id text PRIMARY KEY, seq bigint NOT NULL)")
                    .execute());
            for (String sale : sales) {
                await(pool.preparedQuery("INSERT INTO bus_sale VALUES ($1, 0) ON CONFLICT DO NOTHING")
                        .execute(Tuple.of(sale)));
            }
        }

        @Override
        protected boolean send(int sale, long from, long to) {
            if (inFlight.get() >= maxInFlight) {
                return false;
            }
            inFlight.incrementAndGet();
            long sent = System.nanoTime();
            String saleId = sales.get(sale);
            pool.withTransaction(conn -> conn.preparedQuery(
                                    "UPDATE bus_sale SET seq = seq + 1 WHERE id = $1 RETURNING seq")
                            .execute(Tuple.of(saleId))
                            .compose(rows -> conn.preparedQuery("SELECT pg_notify($1, $2)")
                                    .execute(Tuple.of(
                                            BusEvent.CHANNEL,
                                            BusEvent.encode(
                                                    saleId,
                                                    rows.iterator().next().getLong("seq"),
                                                    sent)))))
                    .onComplete(done -> {
                        inFlight.decrementAndGet();
                        if (done.succeeded()) {
                            count(sent, from, to);
                        } else if (failures.getAndIncrement() == 0) {
                            System.err.println(
                                    "NOTIFY transaction failed (further failures not shown): " + done.cause());
                        }
                    });
            return true;
        }

        @Override
        protected void drain() throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }

        @Override
        public void close() throws Exception {
            await(pool.close());
            await(vertx.close());
        }

        private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
    }
}
