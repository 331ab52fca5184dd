package org.originlive.bench;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.HdrHistogram.Histogram;

/** One rate on one bus, as measured, and the Markdown table of a run with issue 26's targets checked. */
record BusRow(
        String bus,
        int replicas,
        int offered,
        int seconds,
        long published,
        BusFleet.Heard heard,
        double serverCpu,
        double clientsCpu,
        double softirqCpu,
        double otherCpu,
        long slowConsumers,
        long serverWrites) {

    long expected() {
        return published * replicas;
    }

    long notDelivered() {
        return Math.max(0, expected() - heard.delivered());
    }

    double p99Ms() {
        return heard.latency().getValueAtPercentile(99) / 1000.0;
    }

    double serverCores() {
        return serverCpu / seconds;
    }

    /** Published what was offered, delivered all of it to every replica with p99 under a second, in order. */
    boolean keepsUp() {
        return published >= 0.95 * offered * seconds
                && notDelivered() <= expected() / 1000
                && heard.delivered() > 0
                && p99Ms() <= 1000
                && heard.gaps() == 0;
    }

    String line() {
        Histogram h = heard.latency();
        return String.format(
                "| %s | %d | %,d | %,.0f | %,.0f | %s | %s | %s | %d | %d | %,d | %.1f | %.2f | %.2f | %.2f | %s |",
                bus,
                replicas,
                offered,
                published / (double) seconds,
                heard.delivered() / (double) seconds,
                ms(h, 50),
                ms(h, 99),
                ms(h.getMaxValue()),
                heard.gaps(),
                heard.dups(),
                notDelivered(),
                heard.delivered() == 0 ? Double.NaN : serverCpu * 1e6 / heard.delivered(),
                serverCores(),
                clientsCpu / seconds,
                otherCpu / seconds,
                keepsUp() ? "yes" : "**no**");
    }

    static String report(
            List<BusRow> rows,
            int replicas,
            int processes,
            int sales,
            int seconds,
            int warmup,
            int publishers,
            boolean jnats) {
        StringBuilder out = new StringBuilder();
        out.append("### Bus fan-out run of ")
                .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append("\n");
        out.append(intro(replicas, processes, sales, seconds, warmup, publishers, jnats));
        out.append(
                "| bus | replicas | events/s offered | published/s | deliveries/s | p50 ms | p99 ms | max ms | gaps | dups | not delivered | server CPU µs per delivery | server cores | clients' cores | other processes, cores | keeps up |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> out.append(r.line()).append('\n'));
        out.append(
                "\nServer CPU: nats-server's, or the postmaster's and all its backends' (utime + stime from /proc). Clients: the replica processes and the publisher together. Other processes: the machine's busy CPU seconds in the window (/proc/stat) less the server's and the clients', i.e. whatever else ran beside the bench. "
                        + "Keeps up: published ≥ 95% of the offered rate, every replica heard all but 0.1% of it within the row's grace, no gap, p99 ≤ 1 s.\n");
        for (BusRow r : rows) {
            String notes = r.notes();
            if (!notes.isEmpty()) {
                out.append(String.format("- %s at %,d events/s: %s%n", r.bus, r.offered, notes));
            }
        }
        out.append("\nTargets (issue 26, ").append(replicas).append(" replicas):\n");
        rows.stream().filter(r -> r.bus.startsWith("NATS") && r.offered == 1000).forEach(r -> out.append(r.targets()));
        rows.stream()
                .filter(r -> r.bus.startsWith("NATS"))
                .forEach(r -> out.append(String.format(
                        "- %s at %,d events/s: %s%n",
                        r.bus, r.offered, r.keepsUp() ? "kept up" : "**did not keep up**")));
        out.append(notifyLimit(rows, replicas));
        return out.toString();
    }

    private static String intro(
            int replicas, int processes, int sales, int seconds, int warmup, int publishers, boolean jnats) {
        return String.format(
                "%d replicas = %d subscriber connections in %d processes, each watching all %d sales (NATS: a subject `originlive.sale.<saleId>` per sale, %s; NOTIFY: `LISTEN originlive_sale_events` on the Vert.x PostgreSQL client), so every event is %d deliveries. "
                        + "Events: a %d-byte JSON array of one stock SaleEvent with its sale's `seq` and a send time (System.nanoTime, one clock for every process on the machine). "
                        + "NATS: one publisher connection (as the relay). NOTIFY: one transaction per event (claim the sale's seq, `pg_notify`, commit) over %d connections, at most 4 transactions queued on each. "
                        + "%d s measured per row after %d s at the rate; latency from the publish call (NOTIFY: from the start of the transaction) to the subscriber's handler.%n%n",
                replicas,
                replicas,
                processes,
                sales,
                jnats
                        ? "read by jnats, one connection and one dispatcher per replica as `NatsBus` does"
                        : "read on Vert.x event loops by the bench's own protocol reader (`NatsWire`)",
                replicas,
                BusEvent.encode(BusEvent.sales(1).get(0), 123_456, System.nanoTime())
                        .length(),
                publishers,
                seconds,
                warmup);
    }

    /** Issue 26's targets at 1,000 events/s, checked on this row. */
    private String targets() {
        String at = bus + " at 1,000 events/s: ";
        return check(at + "p99 ≤ 50 ms", p99Ms() <= 50, ms(heard.latency(), 99) + " ms")
                + check(at + "nats-server ≤ 0.5 core", serverCores() <= 0.5, String.format("%.2f core", serverCores()))
                + check(
                        at + "no gap, none undetectable",
                        heard.gaps() == 0 && notDelivered() == 0,
                        String.format(
                                "%d gaps seen by seq, %d deliveries never made, %d duplicates",
                                heard.gaps(), notDelivered(), heard.dups()));
    }

    /** The highest NOTIFY rate kept up with and the first one not, if the run reached it. */
    private static String notifyLimit(List<BusRow> rows, int replicas) {
        List<BusRow> notify = rows.stream().filter(r -> r.bus.equals("NOTIFY")).toList();
        if (notify.isEmpty()) {
            return "";
        }
        int carried = notify.stream()
                .filter(BusRow::keepsUp)
                .mapToInt(BusRow::offered)
                .max()
                .orElse(0);
        BusRow behind = notify.stream().filter(r -> !r.keepsUp()).findFirst().orElse(null);
        if (behind == null) {
            return String.format(
                    "- NOTIFY to %d listeners kept up at every rate tried, up to **%,d events/s**: its limit is higher than the run went%n",
                    replicas, carried);
        }
        return String.format(
                "- NOTIFY to %d listeners kept up to **%,d events/s** and fell behind at %,d (%,.0f of %,d events/s published, %,.0f of %,d deliveries/s made, p99 %s ms)%n",
                replicas,
                carried,
                behind.offered,
                behind.published / (double) behind.seconds,
                behind.offered,
                behind.heard.delivered() / (double) behind.seconds,
                (long) behind.offered * replicas,
                ms(behind.heard.latency(), 99));
    }

    private String notes() {
        StringBuilder n = new StringBuilder(String.format(
                "interrupts and softirqs (loopback networking) %.2f cores, counted in whichever process they interrupted; ",
                softirqCpu / seconds));
        if (heard.missing() > 0) {
            n.append(heard.missing()).append(" events skipped in gaps; ");
        }
        if (heard.lostConnections() > 0) {
            n.append(heard.lostConnections()).append(" connection losses or slow-consumer reports (cumulative); ");
        }
        if (serverWrites > 0) {
            n.append(String.format(
                    "nats-server wrote %.1f deliveries per write; ", heard.delivered() / (double) serverWrites));
        }
        if (slowConsumers > 0) {
            n.append("nats-server counted ").append(slowConsumers).append(" slow consumers; ");
        }
        if (heard.backwards() > 0) {
            n.append(heard.backwards()).append(" deliveries before their send time (clock); ");
        }
        if (published < 0.95 * offered * seconds) {
            n.append(String.format(
                    "the publisher got only %,.0f events/s onto the bus; ", published / (double) seconds));
        }
        return n.isEmpty() ? "" : n.substring(0, n.length() - 2);
    }

    private static String check(String what, boolean met, String value) {
        return "- " + what + ": " + (met ? "met" : "**not met**") + " (" + value + ")\n";
    }

    private static String ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? "–" : ms(h.getValueAtPercentile(percentile));
    }

    private static String ms(long micros) {
        double ms = micros / 1000.0;
        return ms < 10 ? String.format("%.2f", ms) : String.format("%.1f", ms);
    }
}
