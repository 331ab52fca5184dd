package org.originlive.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;

/** A paid order splits per origin cooperative; each sees only its own and moves it along. */
@QuarkusTest
class FulfillmentTest {

    record Setup(String sale, String chiliItem, String coffeeItem, String chiliCoop, String coffeeCoop, String buyer) {}

    private static Setup twoCooperativeSale() {
        String chiliCoop = Api.cooperative();
        String coffeeCoop = Api.cooperative();
        String chili = Api.product(chiliCoop, 3900, 50);
        String coffee = Api.product(coffeeCoop, 6800, 50);
        String host = Api.host();
        Instant start = Instant.now().minusSeconds(1);
        String sale = as(host).body(Api.saleBody(
                        start,
                        start.plusSeconds(3600),
                        Api.saleItem(chili, 3510, 20, 5),
                        Api.saleItem(coffee, 6790, 20, 5)))
                .post("/api/sales")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        List<String> items =
                Api.anonymous().get("/api/sales/" + sale).then().extract().path("items.id");
        return new Setup(sale, items.get(0), items.get(1), chiliCoop, coffeeCoop, Api.consumer());
    }

    private static String orderBoth(Setup s) {
        return as(s.buyer())
                .header("Idempotency-Key", Api.unique("k"))
                .body(Map.of(
                        "items",
                        List.of(
                                Map.of("itemId", s.chiliItem(), "quantity", 2),
                                Map.of("itemId", s.coffeeItem(), "quantity", 1)),
                        "shippingAddress",
                        Api.address()))
                .post("/api/sales/" + s.sale() + "/orders")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void pay(String buyer, String order) {
        as(buyer)
                .body(Map.of("method", "sandbox"))
                .post("/api/orders/" + order + "/pay")
                .then()
                .statusCode(200);
    }

    @Test
    void payingSplitsTheOrderPerCooperativeWithFees() {
        Setup s = twoCooperativeSale();
        String order = orderBoth(s);
        List<String> lineIds =
                as(s.buyer()).get("/api/orders/" + order).then().extract().path("lines.id");
        assertThat(lineIds).hasSize(2).doesNotContainNull().doesNotHaveDuplicates();
        as(s.buyer())
                .body(Map.of("method", "sandbox"))
                .post("/api/orders/" + order + "/pay")
                .then()
                .statusCode(200)
                .body("status", equalTo("PAID"))
                .body("totalMinor", equalTo(2 * 3510 + 6790))
                .body("fulfillments.size()", equalTo(2));
        // Paying again is safe and returns the same order.
        as(s.buyer())
                .body(Map.of("method", "sandbox"))
                .post("/api/orders/" + order + "/pay")
                .then()
                .statusCode(200)
                .body("status", equalTo("PAID"))
                .body("fulfillments.size()", equalTo(2));

        String chiliStaff = Api.cooperativeStaff(s.chiliCoop());
        as(chiliStaff)
                .get("/api/cooperatives/" + s.chiliCoop() + "/fulfillments")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].orderId", equalTo(order))
                .body("items[0].shortCode", org.hamcrest.Matchers.matchesPattern("[2-9A-HJKMNP-Z]{6}"))
                .body("items[0].status", equalTo("NEW"))
                .body("items[0].grossMinor", equalTo(7020))
                .body("items[0].feeMinor", equalTo(351)) // 5% of 7020
                .body("items[0].netMinor", equalTo(6669))
                .body("items[0].currency", equalTo("CNY"))
                .body("items[0].lines.size()", equalTo(1))
                .body("items[0].lines[0].quantity", equalTo(2))
                .body("items[0].lines[0].id", equalTo(lineIds.get(0)))
                .body("items[0].shippingAddress.city", equalTo("Beijing"))
                .body("items[0].shippingAddress.phone", equalTo("+86 10 5555 0100"))
                .body(not(org.hamcrest.Matchers.containsString("@example.com")));
        as(Api.cooperativeStaff(s.coffeeCoop()))
                .get("/api/cooperatives/" + s.coffeeCoop() + "/fulfillments?status=NEW")
                .then()
                .body("total", equalTo(1))
                .body("items[0].grossMinor", equalTo(6790))
                .body("items[0].feeMinor", equalTo(340)) // 339.5 rounds half up
                .body("items[0].netMinor", equalTo(6450));
    }

    @Test
    void aCooperativeMovesItsFulfilmentAndEveryIllegalMoveIs409() {
        Setup s = twoCooperativeSale();
        String order = orderBoth(s);
        pay(s.buyer(), order);
        String staff = Api.cooperativeStaff(s.chiliCoop());
        String id = as(staff)
                .get("/api/cooperatives/" + s.chiliCoop() + "/fulfillments")
                .path("items[0].id");
        Map<String, Object> shipment = Map.of("carrier", "SF Express", "trackingNumber", "SF1234567890");

        as(staff)
                .body(shipment)
                .post("/api/fulfillments/" + id + "/ship")
                .then()
                .statusCode(409);
        as(staff).post("/api/fulfillments/" + id + "/deliver").then().statusCode(409);
        as(staff)
                .post("/api/fulfillments/" + id + "/accept")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        as(staff).post("/api/fulfillments/" + id + "/accept").then().statusCode(409);
        as(staff).post("/api/fulfillments/" + id + "/deliver").then().statusCode(409);
        as(staff)
                .body(Map.of("carrier", "SF Express"))
                .post("/api/fulfillments/" + id + "/ship")
                .then()
                .statusCode(422);
        as(staff)
                .body(shipment)
                .post("/api/fulfillments/" + id + "/ship")
                .then()
                .statusCode(200)
                .body("status", equalTo("SHIPPED"))
                .body("carrier", equalTo("SF Express"))
                .body("trackingNumber", equalTo("SF1234567890"));
        as(staff)
                .body(shipment)
                .post("/api/fulfillments/" + id + "/ship")
                .then()
                .statusCode(409);
        as(staff).post("/api/fulfillments/" + id + "/accept").then().statusCode(409);
        as(staff)
                .post("/api/fulfillments/" + id + "/deliver")
                .then()
                .statusCode(200)
                .body("status", equalTo("DELIVERED"));
        as(staff).post("/api/fulfillments/" + id + "/deliver").then().statusCode(409);
        as(staff).post("/api/fulfillments/" + id + "/accept").then().statusCode(409);
        as(staff)
                .body(shipment)
                .post("/api/fulfillments/" + id + "/ship")
                .then()
                .statusCode(409);

        // Something shipped: the buyer can no longer cancel.
        as(s.buyer()).post("/api/orders/" + order + "/cancel").then().statusCode(409);
    }

    @Test
    void otherCooperativesAndRolesAreKeptOut() {
        Setup s = twoCooperativeSale();
        String order = orderBoth(s);
        pay(s.buyer(), order);
        String chiliStaff = Api.cooperativeStaff(s.chiliCoop());
        String coffeeStaff = Api.cooperativeStaff(s.coffeeCoop());
        String chiliFulfillment = as(chiliStaff)
                .get("/api/cooperatives/" + s.chiliCoop() + "/fulfillments")
                .path("items[0].id");
        as(coffeeStaff)
                .get("/api/cooperatives/" + s.chiliCoop() + "/fulfillments")
                .then()
                .statusCode(403);
        as(coffeeStaff)
                .get("/api/cooperatives/" + s.chiliCoop() + "/earnings")
                .then()
                .statusCode(403);
        as(coffeeStaff)
                .post("/api/fulfillments/" + chiliFulfillment + "/accept")
                .then()
                .statusCode(403);
        as(s.buyer())
                .post("/api/fulfillments/" + chiliFulfillment + "/accept")
                .then()
                .statusCode(403);
        as(Api.host())
                .get("/api/cooperatives/" + s.chiliCoop() + "/fulfillments")
                .then()
                .statusCode(403);
        as(chiliStaff)
                .post("/api/fulfillments/00000000-0000-0000-0000-000000000000/accept")
                .then()
                .statusCode(404);
        as(chiliStaff)
                .get("/api/cooperatives/" + s.chiliCoop() + "/fulfillments?status=LOST")
                .then()
                .statusCode(400);
        as(Api.admin())
                .get("/api/cooperatives/" + s.chiliCoop() + "/fulfillments")
                .then()
                .statusCode(200);
    }

    @Test
    void unpaidOrdersAreInvisibleToCooperatives() {
        Setup s = twoCooperativeSale();
        orderBoth(s);
        as(Api.cooperativeStaff(s.chiliCoop()))
                .get("/api/cooperatives/" + s.chiliCoop() + "/fulfillments")
                .then()
                .body("total", equalTo(0));
    }

    @Test
    void cancellingAPaidOrderCancelsFulfilmentsReturnsStockAndLeavesEarnings() {
        Setup s = twoCooperativeSale();
        String kept = orderBoth(s);
        pay(s.buyer(), kept);
        String cancelled = orderBoth(s);
        pay(s.buyer(), cancelled);
        int before = Api.anonymous().get("/api/sales/" + s.sale()).path("items[0].remaining");
        as(s.buyer())
                .post("/api/orders/" + cancelled + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("fulfillments.status", org.hamcrest.Matchers.everyItem(equalTo("CANCELLED")));
        int after = Api.anonymous().get("/api/sales/" + s.sale()).path("items[0].remaining");
        assertThat(after).isEqualTo(before + 2);
        as(s.buyer()).post("/api/orders/" + cancelled + "/cancel").then().statusCode(409);
        as(s.buyer())
                .body(Map.of("method", "sandbox"))
                .post("/api/orders/" + cancelled + "/pay")
                .then()
                .statusCode(409);

        as(Api.cooperativeStaff(s.chiliCoop()))
                .get("/api/cooperatives/" + s.chiliCoop() + "/earnings")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].currency", equalTo("CNY"))
                .body("items[0].orders", equalTo(1))
                .body("items[0].grossMinor", equalTo(7020))
                .body("items[0].feeMinor", equalTo(351))
                .body("items[0].netMinor", equalTo(6669));
    }

    @Test
    void aReservedOrderCancelsBackIntoTheSale() {
        Setup s = twoCooperativeSale();
        String order = orderBoth(s);
        as(s.buyer())
                .post("/api/orders/" + order + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
        assertThat(Api.remaining(s.sale())).isEqualTo(20);
        as(s.buyer())
                .body(Map.of("method", "bitcoin"))
                .post("/api/orders/" + order + "/pay")
                .then()
                .statusCode(422);
    }
}
