package org.originlive.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.Concurrently;

/** The rushes a live sale brings: never oversold, never double-taken, never past a limit. */
@QuarkusTest
class RushTest {

    @Test
    void twoHundredFortyRequestsFromOneHundredTwentyBuyersForFiftyUnits() throws Exception {
        String sale = Api.liveSale(Api.host(), Api.product(Api.cooperative(), 6800, 50), 50, 2);
        String item = Api.firstItem(sale);
        List<String> buyers = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            buyers.add(Api.consumer());
        }
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            String buyer = buyers.get(i % buyers.size());
            calls.add(() -> Api.orderFromSale(buyer, sale, item, 1));
        }
        List<Response> responses = Concurrently.all(calls, 64);

        Map<Integer, Long> byStatus =
                responses.stream().collect(Collectors.groupingBy(Response::statusCode, Collectors.counting()));
        assertThat(byStatus).containsOnlyKeys(201, 409);
        assertThat(byStatus.get(201)).isEqualTo(50);
        assertThat(byStatus.get(409)).isEqualTo(190);
        assertThat(responses.stream().filter(r -> r.statusCode() == 409).map(r -> r.<String>path("type")))
                .allMatch(type -> type.endsWith("/sold-out"));
        assertThat(Api.remaining(sale)).isZero();
        Set<String> ids = responses.stream()
                .filter(r -> r.statusCode() == 201)
                .map(r -> r.<String>path("id"))
                .collect(Collectors.toSet());
        assertThat(ids).hasSize(50);
    }

    @Test
    void tenConcurrentRequestsWithOneKeyMakeOneOrder() throws Exception {
        String sale = Api.liveSale(Api.host(), Api.product(Api.cooperative(), 100, 30), 30, 5);
        String item = Api.firstItem(sale);
        String buyer = Api.consumer();
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(() -> as(buyer)
                    .header("Idempotency-Key", "one-key")
                    .body(Api.saleOrder(item, 2))
                    .post("/api/sales/" + sale + "/orders"));
        }
        List<Response> responses = Concurrently.all(calls, 64);
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(200, 201));
        assertThat(responses.stream().filter(r -> r.statusCode() == 201)).hasSize(1);
        Set<String> ids = new HashSet<>();
        responses.forEach(r -> ids.add(r.path("id")));
        assertThat(ids).hasSize(1);
        assertThat(Api.remaining(sale)).isEqualTo(28);
        as(buyer).get("/api/orders").then().body("total", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void aBuyersParallelRequestsNeverPassTheLimit() throws Exception {
        String sale = Api.liveSale(Api.host(), Api.product(Api.cooperative(), 100, 100), 100, 3);
        String item = Api.firstItem(sale);
        String buyer = Api.consumer();
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(() -> Api.orderFromSale(buyer, sale, item, 1));
        }
        List<Response> responses = Concurrently.all(calls, 64);
        assertThat(responses.stream().filter(r -> r.statusCode() == 201)).hasSize(3);
        assertThat(responses.stream().filter(r -> r.statusCode() == 422)).hasSize(9);
        assertThat(Api.remaining(sale)).isEqualTo(97);
    }
}
