package org.originlive.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.Concurrently;

/**
 * The injected {@link Caller} is each request's own: concurrent buyers whose services consult the
 * caller only after a query has answered each see their own order and never another's. A valid
 * token whose roles the app does not know still names its subject, and public endpoints that read
 * a token only when asked answer as they always did.
 */
@QuarkusTest
class CallerTest {

    private static final int BUYERS = 6;

    @Test
    void concurrentRequestsEachSeeTheirOwnCallerAfterTheirQueries() throws Exception {
        String sale = Api.liveSale(Api.host(), Api.product(Api.cooperative(), 1000, 50), 40, 5);
        String item = Api.firstItem(sale);
        List<String> buyers = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            String buyer = Api.consumer();
            buyers.add(buyer);
            orders.add(Api.orderFromSale(buyer, sale, item, 1)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        List<Callable<Response>> calls = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < BUYERS; i++) {
                String buyer = buyers.get(i);
                String own = orders.get(i);
                String other = orders.get((i + 1) % BUYERS);
                calls.add(() -> as(buyer).get("/api/orders/" + own));
                calls.add(() -> as(buyer).get("/api/orders/" + other));
            }
        }

        List<Response> answers = Concurrently.all(calls, 12);

        for (int n = 0; n < answers.size(); n++) {
            boolean own = n % 2 == 0;
            assertThat(answers.get(n).statusCode())
                    .as("request " + n + (own ? " for the buyer's own order" : " for another buyer's order"))
                    .isEqualTo(own ? 200 : 404);
        }
    }

    @Test
    void aTokenWithUnknownOrNoRolesStillNamesItsSubjectAndIsRefusedByRoleChecks() {
        String id = as(Api.consumer()).get("/api/me").then().extract().path("id");
        for (String token : List.of(signed(id, Set.of("SHOPKEEPER")), signed(id, null))) {
            as(token).get("/api/me").then().statusCode(200).body("id", equalTo(id));
            as(token)
                    .get("/api/orders")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://originlive.org/problems/forbidden"));
        }
    }

    @Test
    void aPublicListAsksForATokenOnlyWhenFilteredByHost() {
        String other = UUID.randomUUID().toString();
        anonymous().get("/api/sales").then().statusCode(200);
        anonymous()
                .get("/api/sales?hostId=" + other)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://originlive.org/problems/unauthorized"));
        String id = as(Api.consumer()).get("/api/me").then().extract().path("id");
        as(signed(id, Set.of("SHOPKEEPER")))
                .get("/api/sales?hostId=" + other)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    private static String signed(String subject, Set<String> groups) {
        JwtClaimsBuilder claims = Jwt.issuer("https://originlive.org").subject(subject);
        if (groups != null) {
            claims.groups(groups);
        }
        return claims.jws().sign("test-keys/private.pem");
    }
}
