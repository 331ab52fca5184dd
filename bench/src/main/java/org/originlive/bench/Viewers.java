package org.originlive.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * WebSocket viewers spread over several 127.0.0.x source addresses (one HTTP client bound to each),
 * so 20,000 sockets never run out of ephemeral ports. Frames are counted and scanned as bytes, never
 * parsed into objects: the generator has one core.
 */
final class Viewers {

    private static final byte[] REMAINING = "\"remaining\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STOCK = "\"type\":\"stock\"".getBytes(StandardCharsets.US_ASCII);

    private final List<HttpClient> clients = new ArrayList<>();
    private final String host;
    private final long quantity;
    private final ConcurrentLinkedQueue<Viewer> open = new ConcurrentLinkedQueue<>();
    private final AtomicLong nextClient = new AtomicLong();
    final LongAdder frames = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final LongAdder closedByServer = new LongAdder();
    final LongAdder greeted = new LongAdder();
    final Map<Integer, LongAdder> closeCodes = new TreeMap<>();
    volatile Probes probes;
    volatile String sampleStockFrame;
    private volatile boolean closing;

    private static final class Viewer {
        final WebSocket socket;
        Probes store;
        int next;
        boolean greeted;

        Viewer(WebSocket socket) {
            this.socket = socket;
        }
    }

    Viewers(Vertx vertx, String host, int sourceAddresses, long quantity) {
        this.host = host;
        this.quantity = quantity;
        for (int i = 0; i < sourceAddresses; i++) {
            clients.add(vertx.createHttpClient(new HttpClientOptions()
                    .setLocalAddress("127.0.0." + (2 + i))
                    .setMaxWebSockets(1_000_000)
                    .setConnectTimeout(30_000)));
        }
    }

    /** Opens {@code count} viewers of {@code uri} in waves (and waits for their first frames); returns how many are open. */
    int connect(int port, String uri, int count, boolean awaitFirstFrame) throws Exception {
        closing = false;
        long greetedBefore = greeted.sum();
        int wave = 500;
        for (int from = 0; from < count; from += wave) {
            List<Future<?>> connecting = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + wave); i++) {
                HttpClient client = clients.get((int) (nextClient.getAndIncrement() % clients.size()));
                connecting.add(client.webSocket(new WebSocketConnectOptions()
                                .setHost(host)
                                .setPort(port)
                                .setURI(uri))
                        .onSuccess(this::watch));
            }
            Future.join(new ArrayList<>(connecting))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .exceptionally(e -> null)
                    .get(120, TimeUnit.SECONDS);
        }
        // Ready means every open viewer has had its first frame (the snapshot), so the rush that
        // follows is measured in steady state, not behind a storm of snapshot reads.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (awaitFirstFrame && greeted.sum() - greetedBefore < open.size() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return open.size();
    }

    int size() {
        return open.size();
    }

    private void watch(WebSocket socket) {
        Viewer viewer = new Viewer(socket);
        open.add(viewer);
        socket.handler(data -> onFrame(viewer, data));
        socket.closeHandler(v -> {
            open.remove(viewer);
            if (!closing) {
                closedByServer.increment();
                Short code = socket.closeStatusCode();
                synchronized (closeCodes) {
                    closeCodes.computeIfAbsent(code == null ? -1 : (int) code, c -> new LongAdder()).increment();
                }
            }
        });
    }

    private void onFrame(Viewer viewer, Buffer data) {
        long now = System.nanoTime();
        frames.increment();
        if (!viewer.greeted) {
            viewer.greeted = true;
            greeted.increment();
        }
        bytes.add(data.length());
        byte[] frame = data.getBytes();
        long remaining = lowestRemaining(frame);
        if (remaining < 0) {
            return;
        }
        if (sampleStockFrame == null && indexOf(frame, STOCK, 0) >= 0) {
            sampleStockFrame = new String(frame, StandardCharsets.UTF_8);
        }
        Probes current = probes;
        if (current == null) {
            return;
        }
        if (viewer.store != current) {
            viewer.store = current;
            viewer.next = 0;
        }
        viewer.next = current.match(viewer.next, quantity - remaining, now);
    }

    /** Probes of the current store that some viewer has not seen yet. */
    long unmatched() {
        Probes current = probes;
        long missing = 0;
        for (Viewer viewer : open) {
            missing += current.count() - (viewer.store == current ? viewer.next : 0);
        }
        return missing;
    }

    /** Closes every viewer (a normal close from the client) and waits until all are gone. */
    void closeAll() throws InterruptedException {
        closing = true;
        for (Viewer viewer : open) {
            viewer.socket.close();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        open.clear();
    }

    private static long lowestRemaining(byte[] data) {
        long lowest = -1;
        int from = 0;
        while (true) {
            int at = indexOf(data, REMAINING, from);
            if (at < 0) {
                return lowest;
            }
            int i = at + REMAINING.length;
            long value = 0;
            boolean digits = false;
            while (i < data.length && data[i] >= '0' && data[i] <= '9') {
                value = value * 10 + (data[i] - '0');
                digits = true;
                i++;
            }
            if (digits && (lowest < 0 || value < lowest)) {
                lowest = value;
            }
            from = i;
        }
    }

    private static int indexOf(byte[] data, byte[] needle, int from) {
        int last = data.length - needle.length;
        outer:
        for (int i = from; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
