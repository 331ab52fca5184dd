package org.originlive.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;

@QuarkusTest
class CheckoutTest {

    @Test
    void aBuyerReservesSaleStockAndTheOrderShowsIt() {
        String product = Api.product(Api.cooperative(), 5900, 100);
        String sale = Api.liveSale(Api.host(), product, 50, 5);
        String item = Api.firstItem(sale);
        String buyer = Api.consumer();
        String buyerId = as(buyer).get("/api/me").then().extract().path("id");
        String id = Api.orderFromSale(buyer, sale, item, 3)
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/orders/"))
                .body("status", equalTo("RESERVED"))
                .body("buyerId", equalTo(buyerId))
                .body("saleId", equalTo(sale))
                .body("totalMinor", equalTo(3 * 4900))
                .body("currency", equalTo("CNY"))
                .body("reservedUntil", notNullValue())
                .body("lines[0].itemId", equalTo(item))
                .body("lines[0].productId", equalTo(product))
                .body("lines[0].quantity", equalTo(3))
                .body("lines[0].unitPriceMinor", equalTo(4900))
                .body("fulfillments.size()", equalTo(0))
                .extract()
                .path("id");
        assertThat(Api.remaining(sale)).isEqualTo(47);
        as(buyer).get("/api/orders/" + id).then().statusCode(200).body("id", equalTo(id));
        as(buyer).get("/api/orders").then().statusCode(200).body("items.id", org.hamcrest.Matchers.contains(id));
        // A page of several orders shows each order's own lines.
        String second = Api.orderFromSale(buyer, sale, item, 1)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(buyer)
                .get("/api/orders")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.find { it.id == '" + id + "' }.lines.quantity", org.hamcrest.Matchers.contains(3))
                .body("items.find { it.id == '" + second + "' }.lines.quantity", org.hamcrest.Matchers.contains(1));
    }

    @Test
    void theSameKeyAndBodyReturnTheSameOrderAndADifferentBodyIs422() {
        String sale = Api.liveSale(Api.host(), Api.product(Api.cooperative(), 100, 20), 20, 5);
        String item = Api.firstItem(sale);
        String buyer = Api.consumer();
        String first = as(buyer)
                .header("Idempotency-Key", "checkout-1")
                .body(Api.saleOrder(item, 2))
                .post("/api/sales/" + sale + "/orders")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(buyer)
                .header("Idempotency-Key", "checkout-1")
                .body(Api.saleOrder(item, 2))
                .post("/api/sales/" + sale + "/orders")
                .then()
                .statusCode(200)
                .body("id", equalTo(first));
        as(buyer)
                .header("Idempotency-Key", "checkout-1")
                .body(Api.saleOrder(item, 3))
                .post("/api/sales/" + sale + "/orders")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://originlive.org/problems/idempotency-mismatch"));
        // Keys are per buyer: another buyer may use the same one.
        as(Api.consumer())
                .header("Idempotency-Key", "checkout-1")
                .body(Api.saleOrder(item, 2))
                .post("/api/sales/" + sale + "/orders")
                .then()
                .statusCode(201)
                .body("id", org.hamcrest.Matchers.not(equalTo(first)));
        assertThat(Api.remaining(sale)).isEqualTo(16);
    }

    @Test
    void theKeyIsRequired() {
        String sale = Api.liveSale(Api.host(), Api.product(Api.cooperative(), 100, 20), 20, 5);
        String buyer = Api.consumer();
        as(buyer)
                .body(Api.saleOrder(Api.firstItem(sale), 1))
                .post("/api/sales/" + sale + "/orders")
                .then()
                .statusCode(400);
        as(buyer)
                .header("Idempotency-Key", "k".repeat(65))
                .body(Api.saleOrder(Api.firstItem(sale), 1))
                .post("/api/sales/" + sale + "/orders")
                .then()
                .statusCode(400);
        assertThat(Api.remaining(sale)).isEqualTo(20);
    }

    @Test
    void soldOutNotLiveUnknownItemAndLimits() {
        String host = Api.host();
        String product = Api.product(Api.cooperative(), 100, 20);
        String scheduled = Api.scheduledSale(host, product, 5, 3);
        String item = Api.firstItem(scheduled);
        String buyer = Api.consumer();
        Api.orderFromSale(buyer, scheduled, item, 1)
                .then()
                .statusCode(409)
                .body("type", equalTo("https://originlive.org/problems/sale-not-live"));
        as(host).post("/api/sales/" + scheduled + "/start").then().statusCode(200);
        Api.orderFromSale(buyer, scheduled, item, 4)
                .then()
                .statusCode(422)
                .body("type", equalTo("https://originlive.org/problems/limit-exceeded"));
        Api.orderFromSale(buyer, scheduled, item, 2).then().statusCode(201);
        Api.orderFromSale(buyer, scheduled, item, 2)
                .then()
                .statusCode(422)
                .body("type", equalTo("https://originlive.org/problems/limit-exceeded"));
        Api.orderFromSale(buyer, scheduled, item, 1).then().statusCode(201);
        Api.orderFromSale(Api.consumer(), scheduled, item, 3)
                .then()
                .statusCode(409)
                .body("type", equalTo("https://originlive.org/problems/sold-out"));
        Api.orderFromSale(Api.consumer(), scheduled, "00000000-0000-0000-0000-000000000000", 1)
                .then()
                .statusCode(422);
        Api.orderFromSale(buyer, "00000000-0000-0000-0000-000000000000", item, 1)
                .then()
                .statusCode(404);
        assertThat(Api.remaining(scheduled)).isEqualTo(2);
    }

    @Test
    void badOrdersAreRejectedBeforeTakingAnything() {
        String sale = Api.liveSale(Api.host(), Api.product(Api.cooperative(), 100, 20), 20, 5);
        String item = Api.firstItem(sale);
        String buyer = Api.consumer();
        Map<String, Object> noAddress = Map.of("items", List.of(Map.of("itemId", item, "quantity", 1)));
        as(buyer)
                .header("Idempotency-Key", "a")
                .body(noAddress)
                .post("/api/sales/" + sale + "/orders")
                .then()
                .statusCode(422);
        Map<String, Object> zero = Api.saleOrder(item, 0);
        as(buyer)
                .header("Idempotency-Key", "b")
                .body(zero)
                .post("/api/sales/" + sale + "/orders")
                .then()
                .statusCode(422);
        Map<String, Object> fraction = new HashMap<>(Api.saleOrder(item, 1));
        fraction.put("items", List.of(Map.of("itemId", item, "quantity", 1.5)));
        as(buyer)
                .header("Idempotency-Key", "c")
                .body(fraction)
                .post("/api/sales/" + sale + "/orders")
                .then()
                .statusCode(400);
        Map<String, Object> twice = new HashMap<>(Api.saleOrder(item, 1));
        twice.put("items", List.of(Map.of("itemId", item, "quantity", 1), Map.of("itemId", item, "quantity", 1)));
        as(buyer)
                .header("Idempotency-Key", "d")
                .body(twice)
                .post("/api/sales/" + sale + "/orders")
                .then()
                .statusCode(422);
        Api.orderFromSale(Api.host(), sale, item, 1).then().statusCode(403);
        Api.anonymous()
                .header("Idempotency-Key", "e")
                .body(Api.saleOrder(item, 1))
                .post("/api/sales/" + sale + "/orders")
                .then()
                .statusCode(401);
        assertThat(Api.remaining(sale)).isEqualTo(20);
    }

    @Test
    void storefrontOrdersTakeProductStock() {
        String cooperative = Api.cooperative();
        String tray = Api.product(cooperative, 15800, 10);
        String basket = Api.product(cooperative, 6800, 10);
        String buyer = Api.consumer();
        Map<String, Object> body = Map.of(
                "items", List.of(Map.of("productId", tray, "quantity", 2), Map.of("productId", basket, "quantity", 1)),
                "shippingAddress", Api.address());
        as(buyer)
                .header("Idempotency-Key", "store-1")
                .body(body)
                .post("/api/orders")
                .then()
                .statusCode(201)
                .body("saleId", org.hamcrest.Matchers.nullValue())
                .body("totalMinor", equalTo(2 * 15800 + 6800))
                .body("lines.size()", equalTo(2));
        assertThat(Api.stock(tray)).isEqualTo(8);
        assertThat(Api.stock(basket)).isEqualTo(9);
        Map<String, Object> tooMany =
                Map.of("items", List.of(Map.of("productId", tray, "quantity", 9)), "shippingAddress", Api.address());
        as(buyer)
                .header("Idempotency-Key", "store-2")
                .body(tooMany)
                .post("/api/orders")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://originlive.org/problems/sold-out"));
        assertThat(Api.stock(tray)).isEqualTo(8);
    }

    @Test
    void ordersAreVisibleOnlyToTheirBuyerAndAdmins() {
        String sale = Api.liveSale(Api.host(), Api.product(Api.cooperative(), 100, 20), 20, 5);
        String buyer = Api.consumer();
        String id = Api.orderFromSale(buyer, sale, Api.firstItem(sale), 1)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(Api.consumer()).get("/api/orders/" + id).then().statusCode(404);
        as(Api.consumer())
                .body(Map.of("method", "sandbox"))
                .post("/api/orders/" + id + "/pay")
                .then()
                .statusCode(404);
        as(Api.consumer()).post("/api/orders/" + id + "/cancel").then().statusCode(404);
        as(Api.admin()).get("/api/orders/" + id).then().statusCode(200);
        as(Api.consumer()).get("/api/orders").then().statusCode(200).body("total", equalTo(0));
    }
}
