package org.originlive.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.WsClient;

/** With a two-second hold, unpaid orders expire and their stock comes back where it belongs. */
@QuarkusTest
@TestProfile(ReservationExpiryTest.ShortHold.class)
class ReservationExpiryTest {

    public static class ShortHold implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("originlive.orders.reservation-hold", "2s");
        }
    }

    @Test
    void anUnpaidOrderExpiresAndViewersSeeTheStockReturn() {
        String sale = Api.liveSale(Api.host(), Api.product(Api.cooperative(), 100, 10), 10, 5);
        String item = Api.firstItem(sale);
        String buyer = Api.consumer();
        try (WsClient viewer = WsClient.watch(sale)) {
            String id = Api.orderFromSale(buyer, sale, item, 4)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            assertThat(Api.remaining(sale)).isEqualTo(6);
            await().atMost(Duration.ofSeconds(15)).until(() -> "EXPIRED"
                    .equals(as(buyer).get("/api/orders/" + id).path("status")));
            assertThat(Api.remaining(sale)).isEqualTo(10);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> viewer.ofType("stock").stream().anyMatch(f -> f.getInteger("remaining") == 10));
            as(buyer)
                    .body(Map.of("method", "sandbox"))
                    .post("/api/orders/" + id + "/pay")
                    .then()
                    .statusCode(409)
                    .body("type", org.hamcrest.Matchers.endsWith("/order-not-payable"));
            // The allowance is free again.
            Api.orderFromSale(buyer, sale, item, 5).then().statusCode(201);
        }
    }

    @Test
    void anOrderOfAnEndedSaleExpiresIntoProductStock() {
        String host = Api.host();
        String product = Api.product(Api.cooperative(), 100, 10);
        String sale = Api.liveSale(host, product, 10, 5);
        String buyer = Api.consumer();
        String id = Api.orderFromSale(buyer, sale, Api.firstItem(sale), 3)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(host).post("/api/sales/" + sale + "/end").then().statusCode(200);
        assertThat(Api.stock(product)).isEqualTo(7);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "EXPIRED".equals(as(buyer).get("/api/orders/" + id).path("status")));
        assertThat(Api.stock(product)).isEqualTo(10);
        assertThat(Api.remaining(sale)).isZero();
    }
}
