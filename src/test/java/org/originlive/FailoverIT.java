package org.originlive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.Replica;
import org.originlive.support.ReplicatedPostgres;
import org.originlive.support.TcpForwarder;
import org.originlive.support.WsClient;

/**
 * The primary dies mid-rush and its synchronous standby takes over behind the app's one database
 * address (a forwarder standing for CloudNativePG's {@code -rw} Service). Afterwards the orders in
 * the database are exactly those acknowledged (201, or 200 for a retried key that had committed),
 * they hold exactly the stock taken, the app answered only 503 with Retry-After meanwhile, orders,
 * readiness and viewers came back by themselves. Then the promoted standby, alone, is made to wait
 * for a standby on every commit (CloudNativePG's {@code dataDurability: required} with one instance
 * left): checkouts answer 503, not hang. Prints the switch and recovery times.
 *
 * <p>A plain JUnit class: the app under test is one packaged jar on the replicated database.
 */
class FailoverIT {

    private static final int STOCK = 100_000;
    private static final int BUYERS = 16;
    private static final int VIEWERS = 5;
    private static final Duration RETRY_PAUSE = Duration.ofMillis(100);

    /** One answer to a checkout: when it was asked and answered ({@link System#nanoTime()}), and what. */
    private record Answer(long sent, long at, int status, String orderId, boolean retryAfter, String failure) {}

    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final Queue<long[]> readiness = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean rushing = new AtomicBoolean(true);
    private final HttpClient probeClient = HttpClient.newHttpClient();
    private final ExecutorService buyers = Executors.newFixedThreadPool(BUYERS);
    private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor();
    private final List<WsClient> viewers = new ArrayList<>();

    @Test
    void noAcknowledgedOrderIsLostWhenTheStandbyTakesOver() throws Exception {
        int previousPort = RestAssured.port;
        try (ReplicatedPostgres db = ReplicatedPostgres.start();
                TcpForwarder rw = TcpForwarder.to(db.primaryPort());
                Replica app = Replica.start(settings(rw.port()))) {
            RestAssured.port = app.port; // Api builds data through this replica; buyers sign in on it
            String sale = Api.liveSale(Api.host(), Api.product(Api.cooperative(), 100, STOCK), STOCK, STOCK);
            try {
                startRush(app.port, sale);
                await().atMost(Duration.ofSeconds(30)).until(() -> count(a -> a.orderId() != null) >= 200);
                long killed = System.nanoTime();
                db.killPrimary();
                // Down until requests made after the kill are refused too, not only those it cut off.
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> count(a -> a.sent() > killed && a.status() == 503) > 0);
                db.promoteStandby();
                long promoted = System.nanoTime();
                rw.pointTo(db.standbyPort());
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> count(a -> a.at() > promoted && a.status() == 201) >= 200);
                await().atMost(Duration.ofSeconds(30)).until(() -> firstReadyAfter(promoted) > 0);
                rushing.set(false);
                buyers.shutdown();
                // Each buyer first retries its last unanswered key until it gets a final answer.
                assertThat(buyers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

                int acknowledged = assertEveryOrderAccountedFor(db.jdbcUrl(db.standbyPort()), sale);
                int remaining = Api.remaining(sale);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> viewers.stream().allMatch(v -> v.remaining() == remaining));
                long alone = checkoutWhileCommitsWaitForAStandby(db, sale);
                report(killed, promoted, acknowledged, alone);
                viewers.forEach(WsClient::close);
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> viewers.stream().allMatch(WsClient::isClosed));
            } finally {
                rushing.set(false);
                buyers.shutdownNow();
                probe.shutdownNow();
                viewers.forEach(WsClient::close);
                // Its shutdown is not under test here (GracefulShutdownIT's is) and would wait out the timeout.
                app.kill();
            }
        } finally {
            RestAssured.port = previousPort;
        }
    }

    private void startRush(int port, String sale) {
        String item = Api.firstItem(sale);
        for (int i = 0; i < VIEWERS; i++) {
            viewers.add(WsClient.watch(port, sale));
        }
        for (int i = 0; i < BUYERS; i++) {
            String token = Api.consumer();
            buyers.execute(() -> buy(port, token, sale, item));
        }
        probe.scheduleAtFixedRate(() -> probeReadiness(port), 0, 100, TimeUnit.MILLISECONDS);
    }

    /**
     * The promoted standby alone with commits waiting for a standby, as {@code dataDurability:
     * required} keeps them: a checkout answers 503 with Retry-After at the request timeout, and once
     * commits go through again the same key returns the order. Returns how long the 503 took.
     */
    private long checkoutWhileCommitsWaitForAStandby(ReplicatedPostgres db, String sale) throws Exception {
        String item = Api.firstItem(sale);
        String buyer = Api.consumer();
        String key = UUID.randomUUID().toString();
        db.synchronousStandbyNamesOfPromoted("lost_standby");
        Answer waited = order(RestAssured.port, buyer, sale, item, key);
        assertThat(waited.status()).as(waited.toString()).isEqualTo(503);
        assertThat(waited.retryAfter()).isTrue();
        db.synchronousStandbyNamesOfPromoted("");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> order(RestAssured.port, buyer, sale, item, key).status() == 200);
        return waited.at() - waited.sent();
    }

    /** Only 201/200, 409 and 503 with Retry-After; stored orders = acknowledged ones; units = stock taken. */
    private int assertEveryOrderAccountedFor(String jdbcUrl, String sale) throws Exception {
        List<Answer> all = List.copyOf(answers);
        assertThat(all)
                .filteredOn(a -> !Set.of(200, 201, 409, 503).contains(a.status()))
                .as("only 201/200, 409 and 503 during a failover")
                .isEmpty();
        assertThat(all)
                .filteredOn(a -> a.status() == 503 && !a.retryAfter())
                .as("every 503 says when to retry")
                .isEmpty();
        Set<String> acknowledged = new HashSet<>();
        all.stream().map(Answer::orderId).filter(id -> id != null).forEach(acknowledged::add);
        Map<String, Integer> stored = ordersOf(jdbcUrl, sale);
        assertThat(stored.keySet())
                .as("the orders stored are exactly those acknowledged: none lost, none unanswered")
                .containsExactlyInAnyOrderElementsOf(acknowledged);
        assertThat(stored.values().stream().mapToInt(Integer::intValue).sum())
                .as("units in orders = stock taken from the item")
                .isEqualTo(STOCK - Api.remaining(sale));
        return acknowledged.size();
    }

    private static Map<String, String> settings(int databasePort) {
        String address = "127.0.0.1:" + databasePort + "/postgres";
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.reactive.url", "postgresql://" + address);
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + address);
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        config.put("originlive.admin.email", Api.ADMIN_EMAIL);
        config.put("originlive.admin.password", Api.ADMIN_PASSWORD);
        // Sign-ups are not under test: cheap hashes keep the set-up short on 2 shared cores.
        config.put("originlive.auth.bcrypt-cost", "4");
        // The last phase waits out one checkout's timeout (10 s in production).
        config.put("originlive.orders.request-timeout", "3s");
        return config;
    }

    /** A buyer orders one unit at a time; an unanswered order (503) is retried with the same key. */
    private void buy(int port, String token, String sale, String item) {
        String key = null;
        while (rushing.get() || key != null) {
            key = key == null ? UUID.randomUUID().toString() : key;
            Answer answer = order(port, token, sale, item, key);
            answers.add(answer);
            if (answer.status() != 503) {
                key = null;
            } else {
                try {
                    // Sooner than Retry-After asks, so the recovery measured is the app's, not the client's.
                    Thread.sleep(RETRY_PAUSE.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static Answer order(int port, String token, String sale, String item, String key) {
        long sent = System.nanoTime();
        try {
            Response response = RestAssured.given()
                    .port(port)
                    .contentType("application/json")
                    .header("Authorization", "Bearer " + token)
                    .header("Idempotency-Key", key)
                    .body(Api.saleOrder(item, 1))
                    .post("/api/sales/" + sale + "/orders");
            int status = response.statusCode();
            String id = status == 200 || status == 201 ? response.path("id") : null;
            return new Answer(sent, System.nanoTime(), status, id, response.header("Retry-After") != null, null);
        } catch (AssertionError e) {
            // The Contract filter: an answer the OpenAPI document does not allow.
            return new Answer(sent, System.nanoTime(), -2, null, false, e.getMessage());
        } catch (RuntimeException e) {
            return new Answer(sent, System.nanoTime(), -1, null, false, e.toString());
        }
    }

    private void probeReadiness(int port) {
        int status;
        try {
            status = probeClient
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            status = -1;
        }
        readiness.add(new long[] {System.nanoTime(), status});
    }

    private long count(Predicate<Answer> which) {
        return answers.stream().filter(which).count();
    }

    private long firstReadyAfter(long since) {
        return readiness.stream()
                .filter(r -> r[0] > since && r[1] == 200)
                .mapToLong(r -> r[0])
                .min()
                .orElse(-1);
    }

    /** Order id → units, of every order of the sale in the database. */
    private static Map<String, Integer> ordersOf(String jdbcUrl, String sale) throws Exception {
        Map<String, Integer> orders = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                PreparedStatement query = c.prepareStatement("SELECT o.id, sum(l.quantity) FROM customer_order o"
                        + " JOIN order_line l ON l.order_id = o.id WHERE o.sale_id = ?::uuid GROUP BY o.id")) {
            query.setString(1, sale);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    orders.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return orders;
    }

    private void report(long killed, long promoted, int acknowledged, long alone) {
        List<Answer> all = List.copyOf(answers);
        LongSummaryStatistics unavailable = all.stream()
                .filter(a -> a.status() == 503)
                .mapToLong(Answer::at)
                .summaryStatistics();
        long lastBefore = all.stream()
                .filter(a -> a.at() < killed && a.orderId() != null)
                .mapToLong(Answer::at)
                .max()
                .orElseThrow();
        long firstAfter = all.stream()
                .filter(a -> a.at() > promoted && a.status() == 201)
                .mapToLong(Answer::at)
                .min()
                .orElseThrow();
        System.out.printf(
                "FailoverIT: %d orders acknowledged (%d before the kill), 0 lost; %d answers 503, all with"
                        + " Retry-After, over %d ms (first to last); no order acknowledged for %d ms; kill to"
                        + " promotion %d ms; promotion to first 201 %d ms; promotion to ready %d ms; alone with"
                        + " commits waiting for a standby, a checkout answered 503 after %d ms%n",
                acknowledged,
                all.stream().filter(a -> a.at() < killed && a.orderId() != null).count(),
                unavailable.getCount(),
                millis(unavailable.getMax() - unavailable.getMin()),
                millis(firstAfter - lastBefore),
                millis(promoted - killed),
                millis(firstAfter - promoted),
                millis(firstReadyAfter(promoted) - promoted),
                millis(alone));
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
