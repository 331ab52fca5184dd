package org.originlive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.originlive.support.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.NatsServer;
import org.originlive.support.NatsSettings;
import org.originlive.support.Replica;
import org.originlive.support.WsClient;

/**
 * Two packaged replicas on one database and the nats bus: checkouts through one reach viewers on
 * the other with their seq, in order, and audiences are summed across replicas over NATS.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = NatsSettings.class, restrictToAnnotatedClass = true)
class TwoReplicasNatsIT {

    @BeforeAll
    static void nats() {
        NatsServer.require();
    }

    @Test
    void checkoutsThroughOneReplicaReachViewersOnTheOtherOverNats() {
        try (Replica other = Replica.start(NatsSettings.replica())) {
            String host = Api.host();
            String sale = Api.liveSale(host, Api.product(Api.cooperative(), 100, 50), 20, 3);
            String item = Api.firstItem(sale);
            try (WsClient here = WsClient.watch(sale);
                    WsClient there = WsClient.watch(other.port, sale)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> there.remaining() == 20 && here.remaining() == 20);
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> there.ofType("viewers").stream().anyMatch(f -> f.getLong("count") == 2)
                                && here.ofType("viewers").stream().anyMatch(f -> f.getLong("count") == 2));
                for (int i = 0; i < 5; i++) {
                    Api.orderFromSale(Api.consumer(), sale, item, 2).then().statusCode(201);
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> there.remaining() == 10 && here.remaining() == 10);
                List<Long> seqs = there.ofType("stock").stream()
                        .map(f -> f.getLong("seq"))
                        .toList();
                assertThat(seqs).isSorted().doesNotHaveDuplicates();
                as(host).post("/api/sales/" + sale + "/end").then().statusCode(200);
                await().atMost(Duration.ofSeconds(20)).until(() -> there.ofType("status").stream()
                        .anyMatch(f -> "ENDED".equals(f.getString("status"))));
            }
        }
    }
}
