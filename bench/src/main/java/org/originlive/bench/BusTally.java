package org.originlive.bench;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the replicas of one process heard. Each connection keeps the last {@code seq} it saw per sale,
 * as a viewer's room does: a jump of more than one is a gap, a seq not above the last a duplicate.
 * A delivery counts for the row whose window its {@code sent} time falls in (stragglers of the last
 * row do not blur the next), latency in microseconds from {@code sent} to arrival.
 */
final class BusTally {

    /** One row: gaps and duplicates of events sent in [rowStart, to); deliveries and latency of [from, to). */
    private static final class Window {
        final long rowStart;
        final long from;
        final long to;
        final LongAdder delivered = new LongAdder();
        final LongAdder gaps = new LongAdder();
        final LongAdder missing = new LongAdder();
        final LongAdder dups = new LongAdder();
        final LongAdder backwards = new LongAdder();
        final Recorder latency = new Recorder(3);

        Window(long rowStart, long from, long to) {
            this.rowStart = rowStart;
            this.from = from;
            this.to = to;
        }
    }

    private final Map<String, Integer> saleIndex = new HashMap<>();
    private final long[][] lastSeq;
    private final LongAdder lostConnections = new LongAdder();
    private volatile Window window = new Window(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);

    BusTally(int connections, List<String> sales) {
        for (int i = 0; i < sales.size(); i++) {
            saleIndex.put(sales.get(i), i);
        }
        lastSeq = new long[connections][sales.size()];
    }

    /** An event heard by {@code connection}; called on that connection's one thread only. */
    void heard(int connection, String payload) {
        long now = System.nanoTime();
        int sale = saleIndex.get(BusEvent.saleId(payload));
        long seq = BusEvent.seq(payload);
        long sent = BusEvent.sent(payload);
        Window w = window;
        boolean inRow = sent >= w.rowStart && sent < w.to;
        long[] last = lastSeq[connection];
        if (seq <= last[sale]) {
            if (inRow) {
                w.dups.increment();
            }
            return;
        }
        if (seq > last[sale] + 1 && inRow) {
            w.gaps.increment();
            w.missing.add(seq - last[sale] - 1);
        }
        last[sale] = seq;
        if (sent >= w.from && sent < w.to) {
            w.delivered.increment();
            if (now < sent) {
                w.backwards.increment();
            }
            w.latency.recordValue(Math.max(1, (now - sent) / 1000));
        }
    }

    void lostConnection() {
        lostConnections.increment();
    }

    void window(long rowStart, long from, long to) {
        window = new Window(rowStart, from, to);
    }

    /** {@code stats delivered gaps missing dups backwards lostConnections histogram}: one line for the bench. */
    String report() {
        Window w = window;
        Histogram h = w.latency.getIntervalHistogram();
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        String encoded = Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
        return String.join(
                " ",
                "stats",
                Long.toString(w.delivered.sum()),
                Long.toString(w.gaps.sum()),
                Long.toString(w.missing.sum()),
                Long.toString(w.dups.sum()),
                Long.toString(w.backwards.sum()),
                Long.toString(lostConnections.sum()),
                encoded);
    }
}
