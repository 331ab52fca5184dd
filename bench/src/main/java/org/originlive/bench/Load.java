package org.originlive.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.RequestOptions;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Closed loops: each of N clients sends its next request when the previous answer arrived (after an
 * optional pause). Counts every answer; latency and statuses only inside the measured window.
 */
final class Load {

    /** Called with the status of every answer and System.nanoTime() at its arrival. */
    interface Answers {
        void answered(int status, long nowNanos);
    }

    private final Vertx vertx;
    private final HttpClient http;
    private final Recorder latency = new Recorder(3);
    private final Map<Integer, AtomicLong> statuses = new TreeMap<>();
    private final AtomicLong ok = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean measuring;
    private CountDownLatch stopped;

    Load(Vertx vertx, HttpClient http) {
        this.vertx = vertx;
        this.http = http;
    }

    /** Starts {@code loops} closed loops; {@code request} gives each request's options and body. */
    Load start(int loops, Supplier<RequestOptions> options, Supplier<Buffer> body, long pauseMs, Answers answers) {
        stopped = new CountDownLatch(loops);
        for (int i = 0; i < loops; i++) {
            Context context = vertx.getOrCreateContext();
            context.runOnContext(v -> next(options, body, pauseMs, answers));
        }
        return this;
    }

    private void next(Supplier<RequestOptions> options, Supplier<Buffer> body, long pauseMs, Answers answers) {
        if (!running) {
            stopped.countDown();
            return;
        }
        long start = System.nanoTime();
        boolean inWindow = measuring;
        Buffer payload = body.get();
        http.request(options.get())
                .compose(req -> payload == null ? req.send() : req.send(payload))
                .compose(resp -> resp.body().map(b -> resp.statusCode()))
                .onComplete(ar -> {
                    long now = System.nanoTime();
                    int status = ar.succeeded() ? ar.result() : -1;
                    if (status / 100 == 2) {
                        ok.incrementAndGet();
                    }
                    if (answers != null) {
                        answers.answered(status, now);
                    }
                    if (inWindow && measuring) {
                        latency.recordValue(Math.max(1, (now - start) / 1000));
                        synchronized (statuses) {
                            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                        }
                    }
                    if (pauseMs > 0) {
                        vertx.setTimer(pauseMs, t -> next(options, body, pauseMs, answers));
                    } else {
                        next(options, body, pauseMs, answers);
                    }
                });
    }

    void measure() {
        latency.reset();
        synchronized (statuses) {
            statuses.clear();
        }
        measuring = true;
    }

    Histogram endMeasure() {
        measuring = false;
        return latency.getIntervalHistogram();
    }

    long ok() {
        return ok.get();
    }

    /** Answers other than 2xx inside the window, by status (-1: no answer). */
    Map<Integer, Long> failures() {
        Map<Integer, Long> out = new TreeMap<>();
        synchronized (statuses) {
            statuses.forEach((status, count) -> {
                if (status / 100 != 2) {
                    out.put(status, count.get());
                }
            });
        }
        return out;
    }

    /** Stops the loops and waits for their last answers. */
    void stop() throws InterruptedException {
        running = false;
        stopped.await(30, TimeUnit.SECONDS);
    }

    static void sleep(double seconds) throws InterruptedException {
        Thread.sleep((long) (seconds * 1000));
    }
}
