package org.originlive.bench;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The bench's sale event: what the app puts on the bus (a JSON array of one stock {@code SaleEvent},
 * as {@code SaleEvents.encode} writes it) plus {@code sent}, the publisher's {@link System#nanoTime}.
 * On Linux that is {@code CLOCK_MONOTONIC}, one clock for every process on the machine, so a
 * subscriber in another JVM subtracts it from its own {@code nanoTime} (checked at start-up).
 */
final class BusEvent {

    static final String SUBJECT = "originlive.sale.";
    static final String CHANNEL = "originlive_sale_events";
    private static final String ITEM = "6a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d";

    private BusEvent() {}

    /** The sales of the run, the same in every process. */
    static List<String> sales(int count) {
        return IntStream.range(0, count)
                .mapToObj(i ->
                        UUID.nameUUIDFromBytes(("bench-sale-" + i).getBytes()).toString())
                .toList();
    }

    static String encode(String saleId, long seq, long sentNanos) {
        return "[{\"kind\":\"stock\",\"saleId\":\"" + saleId + "\",\"itemId\":\"" + ITEM + "\",\"remaining\":"
                + (1_000_000 - seq % 1_000_000) + ",\"seq\":" + seq + ",\"at\":" + System.currentTimeMillis()
                + ",\"sent\":" + sentNanos + "}]";
    }

    static String saleId(String payload) {
        int at = payload.indexOf("\"saleId\":\"") + 10;
        return payload.substring(at, at + 36);
    }

    static long seq(String payload) {
        return number(payload, "\"seq\":");
    }

    static long sent(String payload) {
        return number(payload, "\"sent\":");
    }

    private static long number(String payload, String key) {
        int from = payload.indexOf(key) + key.length();
        int to = from;
        while (to < payload.length() && Character.isDigit(payload.charAt(to))) {
            to++;
        }
        return Long.parseLong(payload, from, to, 10);
    }
}
