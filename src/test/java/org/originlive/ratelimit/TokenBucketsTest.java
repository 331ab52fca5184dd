package org.originlive.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The bucket arithmetic on a clock the test moves, so "a minute" is exact. */
class TokenBucketsTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    private TokenBuckets buckets(int limit, Duration window, int maxKeys) {
        return new TokenBuckets(limit, window, maxKeys, clock::get);
    }

    private void advance(Duration by) {
        clock.addAndGet(by.toNanos());
    }

    @Test
    void tenAMinuteThenTheEleventhWaitsSixSeconds() {
        TokenBuckets login = buckets(10, Duration.ofMinutes(1), 1000);
        for (int i = 1; i <= 10; i++) {
            Decision decision = login.take("198.51.100.7");
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.limit()).isEqualTo(10);
            assertThat(decision.windowSeconds()).isEqualTo(60);
            assertThat(decision.remaining()).isEqualTo(10 - i);
            assertThat(decision.resetSeconds()).isEqualTo(6L * i);
        }
        Decision eleventh = login.take("198.51.100.7");
        assertThat(eleventh.allowed()).isFalse();
        assertThat(eleventh.remaining()).isZero();
        assertThat(eleventh.retryAfterSeconds()).isEqualTo(6);
        assertThat(eleventh.resetSeconds()).isEqualTo(60);
        // Another address has its own bucket.
        assertThat(login.take("198.51.100.8").allowed()).isTrue();

        advance(Duration.ofSeconds(5));
        assertThat(login.take("198.51.100.7").allowed()).isFalse();
        advance(Duration.ofSeconds(1));
        assertThat(login.take("198.51.100.7").allowed()).isTrue();
        assertThat(login.take("198.51.100.7").allowed()).isFalse();

        advance(Duration.ofMinutes(1));
        for (int i = 0; i < 10; i++) {
            assertThat(login.take("198.51.100.7").allowed()).isTrue();
        }
        assertThat(login.take("198.51.100.7").allowed()).isFalse();
    }

    @Test
    void deniedRequestsDoNotDrainTheBucket() {
        TokenBuckets checkout = buckets(2, Duration.ofSeconds(10), 1000);
        checkout.take("a");
        checkout.take("a");
        for (int i = 0; i < 100; i++) {
            assertThat(checkout.take("a").allowed()).isFalse();
        }
        advance(Duration.ofSeconds(5));
        assertThat(checkout.take("a").allowed()).isTrue();
    }

    @Test
    void concurrentRequestsPassExactlyTheLimitWhileIdleBucketsAreSwept() throws Exception {
        for (int round = 0; round < 20; round++) {
            TokenBuckets buckets = buckets(50, Duration.ofHours(1), 1000);
            AtomicBoolean done = new AtomicBoolean();
            Thread sweeper = new Thread(() -> {
                while (!done.get()) {
                    buckets.sweep();
                }
            });
            sweeper.start();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(8);
            List<Future<Integer>> passed = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                passed.add(threads.submit(() -> {
                    go.await();
                    int count = 0;
                    for (int i = 0; i < 100; i++) {
                        if (buckets.take("hot").allowed()) {
                            count++;
                        }
                        // Distinct keys churn the map alongside the hot one.
                        buckets.take("cold-" + Thread.currentThread().getId() + "-" + i);
                    }
                    return count;
                }));
            }
            go.countDown();
            int total = 0;
            for (Future<Integer> f : passed) {
                total += f.get(30, TimeUnit.SECONDS);
            }
            threads.shutdown();
            done.set(true);
            sweeper.join();
            assertThat(total).isEqualTo(50);
        }
    }

    @Test
    void memoryIsBoundedAndIdleBucketsAreForgottenFirst() {
        TokenBuckets register = buckets(3, Duration.ofMinutes(1), 100);
        for (int i = 0; i < 60; i++) {
            register.take("old-" + i);
        }
        advance(Duration.ofMinutes(2));
        // A busy key drawn down now must survive while the idle ones make room.
        for (int i = 0; i < 3; i++) {
            register.take("busy");
        }
        for (int i = 0; i < 1000; i++) {
            register.take("new-" + i);
            assertThat(register.size()).isLessThanOrEqualTo(100);
        }
        advance(Duration.ofMinutes(2));
        assertThat(register.sweep()).isZero();

        TokenBuckets fresh = buckets(3, Duration.ofMinutes(1), 100);
        for (int i = 0; i < 60; i++) {
            fresh.take("old-" + i);
        }
        advance(Duration.ofMinutes(2));
        for (int i = 0; i < 3; i++) {
            fresh.take("busy");
        }
        for (int i = 0; i < 50; i++) {
            fresh.take("new-" + i);
        }
        assertThat(fresh.take("busy").allowed()).isFalse();
    }

    @Test
    void ipv6ClientsAreKeyedByTheirSlash64() {
        assertThat(ClientAddress.normalise("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(ClientAddress.normalise("2001:db8:1:2::1"))
                .isEqualTo("20010db800010002::/64");
        assertThat(ClientAddress.normalise("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.normalise("2001:db8:1:2::1"));
        assertThat(ClientAddress.normalise("[::ffff:203.0.113.9]")).isEqualTo("203.0.113.9");
        assertThat(ClientAddress.normalise("203.0.113.9")).isEqualTo("203.0.113.9");
    }
}
