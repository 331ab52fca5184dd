package org.originlive.support;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Fires requests from many threads at once (released together by a latch) and collects the answers. */
public final class Concurrently {

    private Concurrently() {}

    public static List<Response> all(List<Callable<Response>> calls, int threads) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, calls.size())));
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> call : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdown();
        }
    }

    /** The same request {@code count} times at once. */
    public static List<Response> repeat(int count, Callable<Response> call) throws Exception {
        return all(Collections.nCopies(count, call), count);
    }
}
