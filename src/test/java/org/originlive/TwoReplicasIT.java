package org.originlive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.originlive.support.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.PostgresResource;
import org.originlive.support.ProdSettings;
import org.originlive.support.Replica;
import org.originlive.support.WsClient;

/** Two packaged replicas on one database: a change made through one reaches viewers on the other. */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ProdSettings.class, restrictToAnnotatedClass = true)
class TwoReplicasIT {

    @Test
    void aChangeThroughOneReplicaReachesViewersOnTheOther() {
        try (Replica other = Replica.start(Map.of(
                "quarkus.datasource.reactive.url",
                PostgresResource.server().reactiveUrl(),
                "quarkus.datasource.jdbc.url",
                PostgresResource.server().jdbcUrl(),
                "quarkus.datasource.username",
                "postgres",
                "quarkus.datasource.password",
                "postgres"))) {
            String host = Api.host();
            String sale = Api.scheduledSale(host, Api.product(Api.cooperative(), 100, 10), 6, 2);
            try (WsClient here = WsClient.watch(sale);
                    WsClient there = WsClient.watch(other.port, sale)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> !there.frames.isEmpty() && !here.frames.isEmpty());
                assertThat(there.frames.get(0).getString("type")).isEqualTo("snapshot");

                as(host).post("/api/sales/" + sale + "/start").then().statusCode(200);
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> !there.ofType("status").isEmpty());
                assertThat(there.ofType("status").get(0).getString("status")).isEqualTo("LIVE");

                // Audience is summed across replicas.
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> there.ofType("viewers").stream().anyMatch(f -> f.getLong("count") == 2)
                                && here.ofType("viewers").stream().anyMatch(f -> f.getLong("count") == 2));

                as(host).post("/api/sales/" + sale + "/end").then().statusCode(200);
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> there.ofType("status").size() == 2);
                assertThat(there.ofType("stock").get(0).getInteger("remaining")).isZero();
            }
        }
    }
}
