package org.originlive.live;

import io.netty.util.concurrent.EventExecutor;
import io.quarkus.logging.Log;
import java.util.Arrays;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

/**
 * The viewers of one room that live on one event loop. Every change of the member list and every
 * write runs as a task on that loop, in the order the room submitted them (under its lock), so a
 * viewer gets its snapshot before any later broadcast and broadcasts in {@code seq} order. One task
 * per broadcast writes to at most {@code perTask} viewers, then re-queues itself behind whatever
 * else the loop has to do (a checkout's I/O), so fan-out never holds a loop for long.
 */
final class LoopGroup {

    private final EventExecutor loop;
    private final int perTask;
    private final LongConsumer lag;
    private final LiveMetrics metrics;
    // Copy-on-write, touched only on the loop: a broadcast writes to the members it first saw.
    private Viewer[] members = new Viewer[0];

    LoopGroup(EventExecutor loop, int perTask, LongConsumer lag, LiveMetrics metrics) {
        this.loop = loop;
        this.perTask = Math.max(1, perTask);
        this.lag = lag;
        this.metrics = metrics;
    }

    /** The viewer gets {@code first} (its snapshot), then every broadcast submitted after this. */
    void join(Viewer viewer, Batch first) {
        first.retain();
        loop.execute(() -> {
            try {
                if (viewer.write(first)) {
                    members = Arrays.copyOf(members, members.length + 1);
                    members[members.length - 1] = viewer;
                    metrics.sent(first.frames);
                }
            } finally {
                first.release();
            }
        });
    }

    void leave(Viewer viewer) {
        loop.execute(() -> {
            int at = Arrays.asList(members).indexOf(viewer);
            if (at >= 0) {
                Viewer[] rest = new Viewer[members.length - 1];
                System.arraycopy(members, 0, rest, 0, at);
                System.arraycopy(members, at + 1, rest, at, rest.length - at);
                members = rest;
            }
        });
    }

    void broadcast(Batch batch) {
        loop.execute(new FanOut(batch.retain(), null));
    }

    /** A broadcast to the members {@code to} accepts only (a resync snapshot in one language). */
    void broadcast(Batch batch, Predicate<Viewer> to) {
        loop.execute(new FanOut(batch.retain(), to));
    }

    private final class FanOut implements Runnable {

        private final Batch batch;
        private final Predicate<Viewer> to;
        private Viewer[] targets;
        private int next;
        private int written;

        FanOut(Batch batch, Predicate<Viewer> to) {
            this.batch = batch;
            this.to = to;
        }

        @Override
        public void run() {
            if (targets == null) {
                targets = members;
            }
            int end = Math.min(targets.length, next + perTask);
            for (; next < end; next++) {
                if (to == null || to.test(targets[next])) {
                    written += write(targets[next]);
                }
            }
            if (next < targets.length) {
                loop.execute(this);
            } else {
                done();
            }
        }

        private int write(Viewer viewer) {
            try {
                return viewer.write(batch) ? 1 : 0;
            } catch (RuntimeException e) {
                // One broken socket must not cost the others their frame (nor leak the batch).
                Log.debugf("Write to a viewer failed: %s", e.toString());
                return 0;
            }
        }

        private void done() {
            metrics.sent((long) written * batch.frames);
            lag.accept(System.nanoTime() - batch.createdNanos);
            batch.release();
        }
    }
}
