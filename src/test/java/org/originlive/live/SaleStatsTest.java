package org.originlive.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.WsClient;

@QuarkusTest
class SaleStatsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static JsonPath stats(String token, String sale) {
        return as(token)
                .get("/api/sales/" + sale + "/stats")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void paidOrdersAreCountedAndReservedOnesAreNot() {
        String host = Api.host();
        String sale = Api.liveSale(host, Api.product(Api.cooperative(), 100, 20), 10, 5);
        String item = Api.firstItem(sale);
        String buyer = Api.consumer();
        for (int quantity : new int[] {2, 3}) {
            String order = Api.orderFromSale(buyer, sale, item, quantity)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            as(buyer)
                    .body(Map.of("method", "sandbox"))
                    .post("/api/orders/" + order + "/pay")
                    .then()
                    .statusCode(200);
        }
        Api.orderFromSale(Api.consumer(), sale, item, 1).then().statusCode(201);

        JsonPath numbers = stats(host, sale);
        assertThat(numbers.getLong("orders")).isEqualTo(2);
        assertThat(numbers.getLong("unitsSold")).isEqualTo(5);
        assertThat(numbers.getLong("grossMinor")).isEqualTo(5 * 4900);
        assertThat(numbers.getString("currency")).isEqualTo("CNY");
        assertThat(numbers.getLong("ordersLastMinute")).isEqualTo(2);
        assertThat(numbers.getMap("$")).doesNotContainKeys("buyerId", "buyers");
        assertThat(stats(Api.admin(), sale).getLong("orders")).isEqualTo(2);
    }

    @Test
    void viewersAndThePeakFollowTheRoom() {
        String host = Api.host();
        String sale = Api.liveSale(host, Api.product(Api.cooperative(), 100, 5), 5, 1);
        assertThat(stats(host, sale).getLong("peakViewers")).isZero();
        try (WsClient one = WsClient.watch(sale);
                WsClient two = WsClient.watch(sale)) {
            await().atMost(WAIT).until(() -> !one.frames.isEmpty() && !two.frames.isEmpty());
            await().atMost(WAIT).until(() -> stats(host, sale).getLong("viewers") == 2);
            // The peak is written once a second by the room; it outlives the audience.
            await().atMost(WAIT).until(() -> stats(host, sale).getLong("peakViewers") == 2);
        }
        await().atMost(WAIT).until(() -> stats(host, sale).getLong("viewers") == 0);
        await().atMost(WAIT).until(() -> stats(host, sale).getLong("peakViewers") == 2);
    }

    @Test
    void onlyTheOwningHostOrAnAdminSeesTheNumbers() {
        String sale = Api.scheduledSale(Api.host(), Api.product(Api.cooperative(), 100, 5), 5, 1);
        as(Api.host())
                .get("/api/sales/" + sale + "/stats")
                .then()
                .statusCode(403)
                .body("type", endsWith("/forbidden"));
        as(Api.consumer()).get("/api/sales/" + sale + "/stats").then().statusCode(403);
        anonymous().get("/api/sales/" + sale + "/stats").then().statusCode(401).body("type", endsWith("/unauthorized"));
        as(Api.admin())
                .get("/api/sales/00000000-0000-0000-0000-000000000000/stats")
                .then()
                .statusCode(404)
                .body("status", equalTo(404));
        as(Api.admin()).get("/api/sales/not-a-uuid/stats").then().statusCode(404);
    }
}
