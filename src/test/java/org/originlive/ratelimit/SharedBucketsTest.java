package org.originlive.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.originlive.common.Transactions;

/**
 * The shared buckets hold across replicas: the app's own buckets and a second set on a pool of
 * its own (what another replica has: only the database in common) take from one key at once, and
 * exactly the limit passes.
 */
@QuarkusTest
class SharedBucketsTest {

    private static final RateLimitConfig.Limit TEN_AN_HOUR = new RateLimitConfig.Limit(10, Duration.ofHours(1));

    @Inject
    SharedBuckets buckets;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private Pool otherPool;
    private SharedBuckets otherReplica;

    @BeforeEach
    void secondReplica() {
        otherPool = PgBuilder.pool()
                .connectingTo(PgConnectOptions.fromUri(url).setUser(user).setPassword(password))
                .with(new PoolOptions().setMaxSize(8))
                .using(vertx)
                .build();
        otherReplica = new SharedBuckets(new Transactions(otherPool));
    }

    @AfterEach
    void closePool() {
        otherPool.closeAndAwait();
    }

    private static List<Decision> together(List<Uni<Decision>> takes) {
        return Uni.join().all(takes).andFailFast().await().atMost(Duration.ofSeconds(60));
    }

    @Test
    void twoReplicasTakingAtOnceLetExactlyTheLimitThrough() {
        String address = "203.0.113." + UUID.randomUUID();
        List<Uni<Decision>> takes = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            SharedBuckets replica = i % 2 == 0 ? buckets : otherReplica;
            takes.add(replica.take(Route.LOGIN, address, TEN_AN_HOUR));
        }
        List<Decision> decisions = together(takes);

        List<Decision> passed = decisions.stream().filter(Decision::allowed).toList();
        assertThat(passed).hasSize(10);
        assertThat(passed.stream().map(Decision::remaining)).containsExactlyInAnyOrder(9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
        decisions.stream().filter(d -> !d.allowed()).forEach(refused -> {
            assertThat(refused.remaining()).isZero();
            assertThat(refused.retryAfterSeconds()).isBetween(1L, 360L);
            assertThat(refused.resetSeconds()).isBetween(refused.retryAfterSeconds(), 3600L);
            assertThat(refused.windowSeconds()).isEqualTo(3600);
        });
        assertThat(otherReplica
                        .take(Route.LOGIN, address, TEN_AN_HOUR)
                        .await()
                        .indefinitely()
                        .allowed())
                .isFalse();
    }

    @Test
    void keysAndRoutesHaveBucketsOfTheirOwn() {
        String address = "203.0.113." + UUID.randomUUID();
        RateLimitConfig.Limit one = new RateLimitConfig.Limit(1, Duration.ofHours(1));
        assertThat(buckets.take(Route.LOGIN, address, one)
                        .await()
                        .indefinitely()
                        .allowed())
                .isTrue();
        assertThat(otherReplica
                        .take(Route.LOGIN, address, one)
                        .await()
                        .indefinitely()
                        .allowed())
                .isFalse();
        assertThat(otherReplica
                        .take(Route.REGISTER, address, one)
                        .await()
                        .indefinitely()
                        .allowed())
                .isTrue();
        assertThat(otherReplica
                        .take(Route.LOGIN, address + "-other", one)
                        .await()
                        .indefinitely()
                        .allowed())
                .isTrue();
    }

    @Test
    void aBucketLeftByALongerWindowOwesAtMostTheNewOne() {
        String address = "203.0.113." + UUID.randomUUID();
        RateLimitConfig.Limit day = new RateLimitConfig.Limit(1, Duration.ofDays(1));
        assertThat(buckets.take(Route.LOGIN, address, day)
                        .await()
                        .indefinitely()
                        .allowed())
                .isTrue();
        // the setting becomes 1000 an hour: the day-long debt shrinks to one hour at most
        RateLimitConfig.Limit hourly = new RateLimitConfig.Limit(1000, Duration.ofHours(1));
        Decision refused =
                otherReplica.take(Route.LOGIN, address, hourly).await().indefinitely();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.resetSeconds()).isEqualTo(3600);
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 4L);
        await().atMost(Duration.ofSeconds(30)).until(() -> buckets.take(Route.LOGIN, address, hourly)
                .await()
                .indefinitely()
                .allowed());
    }
}
