package org.originlive;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.PostgresResource;
import org.originlive.support.ProdSettings;
import org.originlive.support.Replica;

/**
 * Two packaged replicas on one database share the login limit: a client whose attempts are
 * spread over both gets the limit once, not twice. Both trust 127.0.0.1 as their proxy, so the
 * test picks a client address of its own and shares no bucket with other tests.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = SharedRateLimitIT.FiveLoginsAnHour.class, restrictToAnnotatedClass = true)
class SharedRateLimitIT {

    private static final Map<String, String> LIMITS = Map.of(
            "originlive.rate-limit.login.limit", "5",
            "originlive.rate-limit.login.window", "1h",
            "quarkus.http.proxy.proxy-address-forwarding", "true",
            "quarkus.http.proxy.allow-x-forwarded", "true",
            "quarkus.http.proxy.trusted-proxies", "127.0.0.1");

    public static class FiveLoginsAnHour extends ProdSettings {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            config.putAll(LIMITS);
            return config;
        }
    }

    private static int login(int port, String client) {
        return RestAssured.given()
                .port(port)
                .contentType(ContentType.JSON)
                .header("X-Forwarded-For", client)
                .body(Map.of("email", "nobody@example.com", "password", "guess-password"))
                .post("/api/auth/login")
                .statusCode();
    }

    @Test
    void loginsSpreadOverTwoReplicasGetTheLimitOnce() {
        Map<String, String> config = new HashMap<>(LIMITS);
        config.putAll(PostgresResource.server().datasourceConfig());
        try (Replica other = Replica.start(config)) {
            String client = "198.18." + (System.nanoTime() % 250) + "." + (System.nanoTime() % 200 + 1);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                statuses.add(login(i % 2 == 0 ? RestAssured.port : other.port, client));
            }
            assertThat(statuses.subList(0, 5)).containsOnly(401);
            assertThat(statuses.subList(5, 12)).containsOnly(429);
        }
    }
}
