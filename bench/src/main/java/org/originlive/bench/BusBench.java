package org.originlive.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bus fan-out (issue 26): R simulated replicas on NATS and on PostgreSQL LISTEN/NOTIFY, a
 * publisher at fixed rates, publish→deliver latency over every delivery, gaps and duplicates by
 * {@code seq}, and the server's CPU per delivery. Started by {@code bench/bus.sh}, which starts the
 * servers and passes their ports and pids; see docs/benchmarks.md (Bus).
 */
public final class BusBench {

    private static final Pattern VARZ_SLOW = Pattern.compile("\"slow_consumers\":\\s*(\\d+)");

    /** Readings at one instant: server, clients' and the whole machine's busy CPU seconds, and nats-server's slow consumers. */
    private record Sample(
            double serverCpu,
            double clientsCpu,
            double machineCpu,
            double softirqCpu,
            long slowConsumers,
            long serverWrites) {}

    private final int replicas = Integer.parseInt(env("BUS_REPLICAS", "200"));
    private final int processes = Integer.parseInt(env("BUS_PROCESSES", "4"));
    private final int sales = Integer.parseInt(env("BUS_SALES", "10"));
    private final int seconds = Integer.parseInt(env("BUS_SECONDS", "20"));
    private final int warmup = Integer.parseInt(env("BUS_WARMUP_SECONDS", "5"));
    private final int grace = Integer.parseInt(env("BUS_GRACE_SECONDS", "2"));
    private final int notifyPublishers = Integer.parseInt(env("BUS_NOTIFY_PUBLISHERS", "4"));
    private final List<String> replicaJvm =
            List.of(env("BUS_REPLICA_JVM", "-Xmx256m -XX:+UseSerialGC").split(" "));
    private final Path work = Path.of(env("BUS_WORK", "/tmp"));
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final HttpClient http = HttpClient.newHttpClient();
    private long natsPid;

    public static void main(String[] args) {
        // However the bench ends (an error, a signal), the replica processes go with it.
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(() -> ProcessHandle.current().children().forEach(ProcessHandle::destroy)));
        try {
            new BusBench().run();
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private void run() throws Exception {
        List<String> buses = List.of(env("BUS_BUSES", "nats,postgres").split(","));
        boolean jnats = env("BUS_NATS_CLIENT", "wire").equals("jnats");
        List<BusRow> rows = new ArrayList<>();
        if (buses.contains("nats")) {
            rows.addAll(natsRows(jnats));
        }
        if (buses.contains("postgres")) {
            rows.addAll(notifyRows());
        }
        String table = BusRow.report(rows, replicas, processes, sales, seconds, warmup, notifyPublishers, jnats);
        System.out.println(table);
        String file = System.getenv("BUS_RESULTS_FILE");
        if (file != null) {
            Files.writeString(Path.of(file), table);
        }
        clock.shutdownNow();
    }

    /** NATS at every rate of BUS_NATS_RATES; "1000/5": 1,000 events/s sent in rounds every 5 ms, as the relay sends what accumulated. */
    private List<BusRow> natsRows(boolean jnats) throws Exception {
        String url = System.getenv("BUS_NATS_URL");
        long pid = Long.parseLong(System.getenv("BUS_NATS_PID"));
        natsPid = pid;
        String varz = System.getenv("BUS_NATS_MONITOR");
        String label = jnats ? "NATS (jnats subscribers)" : "NATS";
        List<BusRow> rows = new ArrayList<>();
        try (BusFleet fleet = fleet(jnats ? "jnats" : "nats", url);
                BusPublisher publisher = new BusPublisher.OnNats(url, BusEvent.sales(sales))) {
            warm(publisher, 1000);
            for (String spec :
                    env("BUS_NATS_RATES", "100,1000,5000,1000/5,1000/20").split(",")) {
                String[] rateAndRound = spec.trim().split("/");
                int rate = Integer.parseInt(rateAndRound[0]);
                int round = rateAndRound.length > 1 ? Integer.parseInt(rateAndRound[1]) : 0;
                String bus = round == 0 ? label : label + ", " + round + " ms rounds";
                rows.add(row(bus, fleet, publisher, () -> CpuClock.seconds(pid), varz, rate, round));
            }
        }
        return rows;
    }

    /** NOTIFY at the rates of BUS_NOTIFY_RATES, up to the first it does not keep up with. */
    private List<BusRow> notifyRows() throws Exception {
        int port = Integer.parseInt(System.getenv("BUS_PG_PORT"));
        long pid = Long.parseLong(System.getenv("BUS_PG_PID"));
        List<BusRow> rows = new ArrayList<>();
        try (BusPublisher publisher = new BusPublisher.OnPostgres(port, notifyPublishers, BusEvent.sales(sales));
                BusFleet fleet = fleet("postgres", Integer.toString(port))) {
            warm(publisher, 50);
            for (int rate : ints(env("BUS_NOTIFY_RATES", "25,50,100,200,300,400"))) {
                BusRow row = row("NOTIFY", fleet, publisher, () -> CpuClock.withChildren(pid), null, rate, 0);
                rows.add(row);
                if (!row.keepsUp()) {
                    break; // past what it carries: higher rates only fall further behind
                }
            }
        }
        return rows;
    }

    private BusFleet fleet(String bus, String where) throws Exception {
        long t0 = System.nanoTime();
        BusFleet fleet = new BusFleet(bus, where, replicas, processes, sales, replicaJvm, work);
        System.err.printf(
                "== %d %s replicas in %d processes listening after %.1f s%n",
                replicas, bus, processes, (System.nanoTime() - t0) / 1e9);
        return fleet;
    }

    /** Unmeasured: every process's JIT compiles the path before the first row. */
    private void warm(BusPublisher publisher, int rate) throws Exception {
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(2L * warmup);
        publisher.run(rate, 0, start, end, end);
        Thread.sleep(TimeUnit.SECONDS.toMillis(grace));
    }

    private BusRow row(
            String bus,
            BusFleet fleet,
            BusPublisher publisher,
            DoubleSupplier serverCpu,
            String varz,
            int rate,
            int roundMs)
            throws Exception {
        long rowStart = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        long from = rowStart + TimeUnit.SECONDS.toNanos(warmup);
        long to = from + TimeUnit.SECONDS.toNanos(seconds);
        fleet.window(rowStart, from, to);
        Future<Sample> atFrom =
                clock.schedule(() -> sample(serverCpu, fleet, varz), from - System.nanoTime(), TimeUnit.NANOSECONDS);
        Future<Sample> atTo =
                clock.schedule(() -> sample(serverCpu, fleet, varz), to - System.nanoTime(), TimeUnit.NANOSECONDS);
        BusPublisher.Sent sent = publisher.run(rate, TimeUnit.MILLISECONDS.toNanos(roundMs), rowStart, from, to);
        Thread.sleep(TimeUnit.SECONDS.toMillis(grace));
        BusFleet.Heard heard = fleet.report();
        Sample a = atFrom.get();
        Sample b = atTo.get();
        BusRow row = new BusRow(
                bus,
                replicas,
                rate,
                seconds,
                sent.inWindow(),
                heard,
                b.serverCpu() - a.serverCpu(),
                b.clientsCpu() - a.clientsCpu(),
                b.softirqCpu() - a.softirqCpu(),
                (b.machineCpu() - a.machineCpu()) - (b.serverCpu() - a.serverCpu()) - (b.clientsCpu() - a.clientsCpu()),
                varz == null ? -1 : b.slowConsumers() - a.slowConsumers(),
                varz == null || a.serverWrites() < 0 ? -1 : b.serverWrites() - a.serverWrites());
        System.err.println(row.line());
        return row;
    }

    private Sample sample(DoubleSupplier serverCpu, BusFleet fleet, String varz) {
        double clients = CpuClock.self()
                + fleet.pids().stream().mapToDouble(CpuClock::seconds).sum();
        double server = serverCpu.getAsDouble();
        double[] machine = CpuClock.machineBusy();
        long slow = -1;
        if (varz != null) {
            try {
                String body = http.send(
                                HttpRequest.newBuilder(URI.create(varz))
                                        .timeout(Duration.ofSeconds(2))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                slow = first(VARZ_SLOW, body);
            } catch (Exception e) {
                System.err.println("varz unreadable: " + e);
            }
        }
        return new Sample(
                server, clients, machine[0], machine[1], slow, varz == null ? -1 : CpuClock.writeCalls(natsPid));
    }

    private static long first(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static List<Integer> ints(String csv) {
        return Arrays.stream(csv.split(","))
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
