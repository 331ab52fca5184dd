package org.originlive.support;

import static org.originlive.support.Api.as;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A paid storefront order of two cooperatives' products, and the money views around it. */
public record Purchase(
        String buyer,
        String order,
        String coopA,
        String coopB,
        String productA,
        String productB,
        String staffA,
        String staffB) {

    /** Buys {@code unitsA} of a product of cooperative A and {@code unitsB} of one of B, and pays. */
    public static Purchase paid(long priceA, int unitsA, long priceB, int unitsB) {
        String coopA = Api.cooperative();
        String coopB = Api.cooperative();
        String productA = Api.product(coopA, priceA, 100);
        String productB = Api.product(coopB, priceB, 100);
        String buyer = Api.consumer();
        String order = orderAndPay(buyer, productA, unitsA, productB, unitsB);
        return new Purchase(
                buyer,
                order,
                coopA,
                coopB,
                productA,
                productB,
                Api.cooperativeStaff(coopA),
                Api.cooperativeStaff(coopB));
    }

    /** The same buyer buys the same two products again and pays: a new order. */
    public Purchase again(int unitsA, int unitsB) {
        String next = orderAndPay(buyer, productA, unitsA, productB, unitsB);
        return new Purchase(buyer, next, coopA, coopB, productA, productB, staffA, staffB);
    }

    /** A storefront order of both products with a fresh key, paid in the sandbox; its id. */
    private static String orderAndPay(String buyer, String productA, int unitsA, String productB, int unitsB) {
        String order = as(buyer)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of(
                        "items",
                        List.of(
                                Map.of("productId", productA, "quantity", unitsA),
                                Map.of("productId", productB, "quantity", unitsB)),
                        "shippingAddress",
                        Api.address()))
                .post("/api/orders")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(buyer)
                .body(Map.of("method", "sandbox"))
                .post("/api/orders/" + order + "/pay")
                .then()
                .statusCode(200);
        return order;
    }

    public String lineOf(String productId) {
        List<Map<String, Object>> lines =
                as(buyer).get("/api/orders/" + order).then().extract().path("lines");
        return lines.stream()
                .filter(l -> productId.equals(l.get("productId")))
                .map(l -> (String) l.get("id"))
                .findFirst()
                .orElseThrow();
    }

    public String fulfillmentOf(String coop) {
        List<Map<String, Object>> refs =
                as(buyer).get("/api/orders/" + order).then().extract().path("fulfillments");
        return refs.stream()
                .filter(f -> coop.equals(f.get("cooperativeId")))
                .map(f -> (String) f.get("id"))
                .findFirst()
                .orElseThrow();
    }

    /** Asks for a refund with a fresh key. */
    public io.restassured.response.Response refund(String productId, int quantity) {
        return as(buyer)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(refundBody(lineOf(productId), quantity))
                .post("/api/orders/" + order + "/refunds");
    }

    public static Map<String, Object> refundBody(String lineId, int quantity) {
        return Map.of("lines", List.of(Map.of("lineId", lineId, "quantity", quantity)), "reason", "Damaged jar");
    }

    /** Accept, ship and deliver the cooperative's fulfilment. */
    public void deliver(String coop) {
        String staff = coop.equals(coopA) ? staffA : staffB;
        String id = fulfillmentOf(coop);
        as(staff).post("/api/fulfillments/" + id + "/accept").then().statusCode(200);
        as(staff)
                .body(Map.of("carrier", "SF Express", "trackingNumber", "SF100200300"))
                .post("/api/fulfillments/" + id + "/ship")
                .then()
                .statusCode(200);
        as(staff).post("/api/fulfillments/" + id + "/deliver").then().statusCode(200);
    }

    /** The cooperative's balance in CNY: pending, available, in transit, paid out. */
    public static long[] balance(String coop) {
        List<Map<String, Object>> items = as(Api.admin())
                .get("/api/cooperatives/" + coop + "/balance")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        if (items.isEmpty()) {
            return new long[4];
        }
        Map<String, Object> b = items.get(0);
        return new long[] {
            ((Number) b.get("pendingMinor")).longValue(),
            ((Number) b.get("availableMinor")).longValue(),
            ((Number) b.get("inTransitMinor")).longValue(),
            ((Number) b.get("paidOutMinor")).longValue()
        };
    }

    /** The cooperative's earnings' netMinor in CNY (0 when nothing counts). */
    public static long earningsNet(String coop) {
        List<Map<String, Object>> items = as(Api.admin())
                .get("/api/cooperatives/" + coop + "/earnings")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        return items.isEmpty() ? 0 : ((Number) items.get(0).get("netMinor")).longValue();
    }
}
