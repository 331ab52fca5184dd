package org.originlive.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.PostgresResource;
import org.originlive.support.WsClient;

/** Viewers stay connected through a database restart, get resynced, and see later changes. */
@QuarkusTest
class DatabaseRestartTest {

    @Inject
    SaleListener listener;

    @Test
    void viewersResyncAfterTheDatabaseComesBack() {
        String host = Api.host();
        String admin = Api.admin();
        String sale = Api.liveSale(host, Api.product(Api.cooperative(), 100, 10), 5, 1);
        try (WsClient viewer = WsClient.watch(sale)) {
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> viewer.ofType("snapshot").size() == 1);

            PostgresResource.server().stop();
            PostgresResource.server().start();

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> viewer.ofType("snapshot").size() >= 2);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> as(admin).post("/api/sales/" + sale + "/end").statusCode() == 200);
            // The start's own LIVE frame may still arrive after the first snapshot on a busy machine.
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> viewer.ofType("status").stream().anyMatch(f -> "ENDED".equals(f.getString("status"))));
            assertThat(viewer.ofType("status")
                            .get(viewer.ofType("status").size() - 1)
                            .getString("status"))
                    .isEqualTo("ENDED");
            assertThat(viewer.isClosed()).isFalse();
        }
    }

    /** The next test class finds the app ready again: pooled connections and LISTEN back. */
    @AfterEach
    void readyAgain() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Api.anonymous().get("/q/health/ready").statusCode() == 200);
    }

    @Test
    void requestsDuringAnOutageAre503NotHangs() {
        PostgresResource.server().stop();
        try {
            int status = Api.anonymous().get("/api/cooperatives").statusCode();
            assertThat(status).isEqualTo(503);
        } finally {
            PostgresResource.server().start();
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Api.anonymous().get("/api/cooperatives").statusCode() == 200);
        await().atMost(Duration.ofSeconds(30)).until(listener::isListening);
    }
}
