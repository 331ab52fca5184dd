package org.originlive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.PostgresResource;
import org.originlive.support.ProdSettings;
import org.originlive.support.Replica;
import org.originlive.support.WsClient;

/** SIGTERM: readiness goes down, viewers are told to reconnect (1012), the process exits in time. */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ProdSettings.class, restrictToAnnotatedClass = true)
class GracefulShutdownIT {

    @Test
    void aTerminatedReplicaDrainsViewersAndExitsWithinTheGracePeriod() throws Exception {
        String sale = Api.liveSale(Api.host(), Api.product(Api.cooperative(), 100, 10), 5, 1);
        Replica replica = Replica.start(PostgresResource.server().datasourceConfig());
        try (WsClient viewer = WsClient.watch(replica.port, sale)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> !viewer.frames.isEmpty());

            replica.terminate();

            await().atMost(Duration.ofSeconds(5)).until(viewer::isClosed);
            assertThat(viewer.closeCode()).isEqualTo((short) 1012);
            assertThat(viewer.closeReason()).isEqualTo("server restarting: reconnect");
            int ready = RestAssured.given()
                    .port(replica.port)
                    .get("/q/health/ready")
                    .statusCode();
            assertThat(ready).isEqualTo(503);
            assertThat(replica.exited(Duration.ofSeconds(30))).isTrue();
        } finally {
            replica.kill();
        }
    }
}
