package org.originlive.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;

/** {@code ORIGINLIVE_RATE_LIMIT_ENABLED=false} (load tests): tiny limits, and nothing is limited. */
@QuarkusTest
@TestProfile(RateLimitOffTest.Off.class)
class RateLimitOffTest {

    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "originlive.rate-limit.enabled", "false",
                    "%test.originlive.rate-limit.login.limit", "1",
                    "%test.originlive.rate-limit.register.limit", "1",
                    "%test.originlive.rate-limit.checkout.limit", "1");
        }
    }

    @Test
    void theSwitchLetsEverythingThrough() {
        for (int i = 0; i < 15; i++) {
            Response response = anonymous()
                    .body(Map.of("email", "nobody@example.com", "password", "guess-password"))
                    .post("/api/auth/login");
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.header("RateLimit-Limit")).isNull();
        }
        // Api's helpers register and sign in several times from this one address.
        String sale = Api.liveSale(Api.host(), Api.product(Api.cooperative(), 100, 20), 20, 20);
        String item = Api.firstItem(sale);
        String buyer = Api.consumer();
        for (int i = 0; i < 5; i++) {
            as(buyer)
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Api.saleOrder(item, 1))
                    .post("/api/sales/" + sale + "/orders")
                    .then()
                    .statusCode(201);
        }
        assertThat(Api.remaining(sale)).isEqualTo(15);
    }
}
