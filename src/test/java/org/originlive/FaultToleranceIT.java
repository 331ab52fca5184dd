package org.originlive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.PostgresResource;
import org.originlive.support.ProdSettings;
import org.originlive.support.Replica;
import org.originlive.support.WsClient;

/**
 * Two packaged replicas on one database, a rush on one item with viewers on both; mid-rush the
 * database restarts and one replica is killed. Afterwards: every 201 order exists, orders hold
 * exactly the stock taken, and viewers on the survivor reach the final stock.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ProdSettings.class, restrictToAnnotatedClass = true)
class FaultToleranceIT {

    @Test
    void aRushSurvivesADatabaseRestartAndAKilledReplica() throws Exception {
        var db = PostgresResource.server();
        // Both replicas share the keys, as pods do: a buyer signed in here also buys over there.
        Map<String, String> config = new HashMap<>(db.datasourceConfig());
        int stock = 400;
        String sale = Api.liveSale(Api.host(), Api.product(Api.cooperative(), 100, stock), stock, 1000);
        String item = Api.firstItem(sale);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            tokens.add(Api.consumer());
        }
        Set<String> created = ConcurrentHashMap.newKeySet();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicBoolean rushing = new AtomicBoolean(true);
        try (Replica other = Replica.start(config)) {
            int survivor = RestAssured.port;
            List<WsClient> viewers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                viewers.add(WsClient.watch(survivor, sale));
                viewers.add(WsClient.watch(other.port, sale));
            }
            ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
            for (int b = 0; b < tokens.size(); b++) {
                int port = b % 2 == 0 ? survivor : other.port;
                String token = tokens.get(b);
                pool.submit(() -> {
                    while (rushing.get()) {
                        int status;
                        try {
                            var response = RestAssured.given()
                                    .port(port)
                                    .contentType("application/json")
                                    .header("Authorization", "Bearer " + token)
                                    .header("Idempotency-Key", UUID.randomUUID().toString())
                                    .body(Api.saleOrder(item, 1))
                                    .post("/api/sales/" + sale + "/orders");
                            status = response.statusCode();
                            if (status == 201) {
                                created.add(response.path("id"));
                            }
                        } catch (Exception e) {
                            status = -1; // connection refused or reset: the replica is gone
                        }
                        statuses.merge(status, 1, Integer::sum);
                    }
                });
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> created.size() >= 40);
            db.stop();
            db.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> created.size() >= 120);
            other.kill();
            await().atMost(Duration.ofSeconds(60)).until(() -> created.size() >= 200);
            rushing.set(false);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            assertThat(statuses.keySet()).as("statuses " + statuses).allMatch(s -> Set.of(201, 409, 503, -1)
                    .contains(s));
            int remaining = Api.remaining(sale);
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "postgres");
                    ResultSet rs = c.createStatement()
                            .executeQuery("SELECT count(*), coalesce(sum(l.quantity), 0) FROM customer_order o"
                                    + " JOIN order_line l ON l.order_id = o.id WHERE o.sale_id = '" + sale + "'")) {
                rs.next();
                assertThat(rs.getLong(2)).as("units in orders = stock taken").isEqualTo(stock - remaining);
                assertThat(rs.getLong(1)).as("every 201 order exists").isGreaterThanOrEqualTo(created.size());
                for (String id : created) {
                    ResultSet one = c.createStatement()
                            .executeQuery("SELECT count(*) FROM customer_order WHERE id = '" + id + "'");
                    one.next();
                    assertThat(one.getInt(1)).isEqualTo(1);
                }
            }
            List<WsClient> onSurvivor = viewers.subList(0, viewers.size()).stream()
                    .filter(v -> !v.isClosed())
                    .toList();
            assertThat(onSurvivor).hasSizeGreaterThanOrEqualTo(10);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> onSurvivor.stream().allMatch(v -> v.remaining() == remaining));
            viewers.forEach(WsClient::close);
        }
    }
}
