package org.originlive.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.Concurrently;

/**
 * The injected {@link Caller} is each request's own: concurrent buyers whose services consult the
 * caller only after a query has answered each see their own order and never another's.
 */
@QuarkusTest
class CallerScopeTest {

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
}
