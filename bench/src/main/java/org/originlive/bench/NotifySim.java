package org.originlive.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Every replica LISTENs on PostgreSQL: N listening connections (N replicas) on one server while a
 * publisher sends NOTIFYs the way the app does (claim the sale's seq with an UPDATE, pg_notify, commit,
 * one transaction each) at a live sale's event rate. Measures delivery latency per listener,
 * publisher throughput (paced and flat out) and PostgreSQL's CPU per delivered notification.
 */
public final class NotifySim {

    private static final String CHANNEL = "originlive_sale_events";

    private final Vertx vertx = Vertx.vertx();
    private final PgConnectOptions connect;
    private final long pgPid;
    private final int payloadBytes;
    private final int sales;
    private final Recorder latency = new Recorder(3);
    private final LongAdder delivered = new LongAdder();
    private volatile long windowStart = Long.MAX_VALUE;

    private NotifySim() {
        connect = new PgConnectOptions()
                .setHost(env("NOTIFY_PG_HOST", "localhost"))
                .setPort(Integer.parseInt(env("NOTIFY_PG_PORT", "55433")))
                .setDatabase("postgres")
                .setUser("postgres")
                .setPassword("postgres");
        pgPid = Long.parseLong(env("NOTIFY_PG_PID", "0"));
        payloadBytes = Integer.parseInt(env("NOTIFY_PAYLOAD_BYTES", "200"));
        sales = Integer.parseInt(env("NOTIFY_SALES", "4"));
    }

    public static void main(String[] args) throws Exception {
        try {
            new NotifySim().run();
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private void run() throws Exception {
        List<Integer> listenerCounts = ints(env("NOTIFY_LISTENERS", "1,50,100,200"));
        List<Integer> rates = ints(env("NOTIFY_RATES", "100,500,1000"));
        int seconds = Integer.parseInt(env("NOTIFY_SECONDS", "10"));
        int publishers = Integer.parseInt(env("NOTIFY_PUBLISHERS", "4"));
        Pool pool = PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(Math.max(publishers, sales)))
                .connectingTo(connect)
                .using(vertx)
                .build();
        await(pool.query("CREATE TABLE IF NOT EXISTS sim_sale (id int PRIMARY KEY, seq bigint NOT NULL)").execute());
        await(pool.query("INSERT INTO sim_sale SELECT g, 0 FROM generate_series(1, " + sales + ") g ON CONFLICT DO NOTHING")
                .execute());

        StringBuilder out = new StringBuilder();
        out.append(String.format(
                "One transaction per event (UPDATE sale seq, pg_notify of a %d-byte payload, COMMIT) over %d publisher connections, %d sales; %d s per row.%n%n",
                payloadBytes, publishers, sales, seconds));
        out.append("| listeners | target events/s | published/s | deliveries/s (all listeners) | not delivered 1 s after the window | delivery p50 / p99 / max ms | PostgreSQL CPU | PostgreSQL CPU µs per event | client CPU |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        List<PgConnection> listeners = new ArrayList<>();
        for (int n : listenerCounts) {
            while (listeners.size() < n) {
                PgConnection conn = await(PgConnection.connect(vertx, connect));
                conn.notificationHandler(note -> onNotification(note.getPayload()));
                await(conn.query("LISTEN " + CHANNEL).execute());
                listeners.add(conn);
            }
            for (int rate : rates) {
                out.append(row(pool, n, rate, rate, publishers, seconds));
                System.err.println(out.substring(out.lastIndexOf("\n|", out.length() - 2) + 1).trim());
            }
            out.append(row(pool, n, 0, Integer.MAX_VALUE, publishers, seconds));
            System.err.println(out.substring(out.lastIndexOf("\n|", out.length() - 2) + 1).trim());
        }
        for (PgConnection conn : listeners) {
            conn.close();
        }
        String result = out.toString();
        System.out.println(result);
        String file = System.getenv("NOTIFY_RESULTS_FILE");
        if (file != null) {
            Files.writeString(Path.of(file), result);
        }
    }

    private void onNotification(String payload) {
        long now = System.nanoTime();
        delivered.increment();
        int colon = payload.indexOf(':');
        long sent = Long.parseLong(payload, 0, colon, 10);
        if (sent >= windowStart) {
            latency.recordValue(Math.max(1, (now - sent) / 1000));
        }
    }

    /** One window: paced at {@code rate} events/s, or flat out (rate 0) with every publisher in a closed loop. */
    private String row(Pool pool, int listeners, int rate, int target, int publishers, int seconds) throws Exception {
        AtomicLong published = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicLong issued = new AtomicLong();
        long begin = System.nanoTime();
        boolean flatOut = rate == 0;
        long[] timer = {-1};
        Runnable pump = () -> {
            long due = flatOut
                    ? Long.MAX_VALUE
                    : (long) ((System.nanoTime() - begin) / 1e9 * rate);
            // At most a few transactions queued per connection: a publisher that cannot keep up shows as a lower rate.
            while (issued.get() < due && inFlight.get() < publishers * (flatOut ? 1 : 4)) {
                long i = issued.getAndIncrement();
                inFlight.incrementAndGet();
                publish(pool, (int) (i % sales) + 1).onComplete(ar -> {
                    inFlight.decrementAndGet();
                    if (ar.succeeded()) {
                        published.incrementAndGet();
                    }
                });
            }
        };
        timer[0] = vertx.setPeriodic(1, t -> pump.run());
        Thread.sleep(2000);
        latency.reset();
        long published0 = published.get();
        long delivered0 = delivered.sum();
        double pg0 = CpuClock.withChildren(pgPid);
        double self0 = CpuClock.self();
        long t0 = System.nanoTime();
        windowStart = t0;
        Thread.sleep(seconds * 1000L);
        long sent = published.get() - published0;
        double elapsed = (System.nanoTime() - t0) / 1e9;
        vertx.cancelTimer(timer[0]);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        // Deliveries of the window's last commits may trail them.
        Thread.sleep(1000);
        windowStart = Long.MAX_VALUE;
        long got = delivered.sum() - delivered0;
        double pgCpu = CpuClock.withChildren(pgPid) - pg0;
        double selfCpu = CpuClock.self() - self0;
        Histogram h = latency.getIntervalHistogram();
        long expected = (published.get() - published0) * listeners;
        return String.format("| %d | %s | %.0f | %.0f | %d | %.1f / %.1f / %.1f | %.0f%% | %.1f | %.0f%% |%n",
                listeners, flatOut ? "flat out" : String.valueOf(target), sent / elapsed, got / elapsed,
                Math.max(0, expected - got),
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0,
                pgCpu / elapsed * 100, sent == 0 ? Double.NaN : pgCpu * 1e6 / (published.get() - published0), selfCpu / elapsed * 100);
    }

    private Future<Void> publish(Pool pool, int sale) {
        return pool.withTransaction(conn -> conn.preparedQuery("UPDATE sim_sale SET seq = seq + 1 WHERE id = $1 RETURNING seq")
                .execute(Tuple.of(sale))
                .compose(rows -> conn.preparedQuery("SELECT pg_notify($1, $2)")
                        .execute(Tuple.of(CHANNEL, payload(rows.iterator().next().getLong("seq"))))))
                .mapEmpty();
    }

    private String payload(long seq) {
        String event = new JsonObject()
                .put("kind", "stock")
                .put("saleId", "5f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f")
                .put("itemId", "6a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d")
                .put("remaining", 987_654)
                .put("seq", seq)
                .put("at", System.currentTimeMillis())
                .encode();
        StringBuilder payload = new StringBuilder().append(System.nanoTime()).append(':').append(event);
        while (payload.length() < payloadBytes) {
            payload.append(' ');
        }
        return payload.toString();
    }

    private static List<Integer> ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
