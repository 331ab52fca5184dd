package org.originlive.catalog;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;

@QuarkusTest
class ProductResourceTest {

    @Test
    void cooperativeStaffAddsProductsToItsOwnCooperative() {
        String cooperativeId = Api.cooperative();
        String sku = Api.unique("CHILI");
        as(Api.cooperativeStaff(cooperativeId))
                .body(Api.productBody(sku, 3900, 800))
                .post("/api/cooperatives/" + cooperativeId + "/products")
                .then()
                .statusCode(201)
                .body("cooperativeId", equalTo(cooperativeId))
                .body("sku", equalTo(sku))
                .body("priceMinor", equalTo(3900))
                .body("currency", equalTo("CNY"))
                .body("stock", equalTo(800))
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void anotherCooperativesStaffIsForbidden() {
        String mine = Api.cooperative();
        String theirs = Api.cooperative();
        String staff = Api.cooperativeStaff(mine);
        as(staff)
                .body(Api.productBody(Api.unique("X"), 100, 1))
                .post("/api/cooperatives/" + theirs + "/products")
                .then()
                .statusCode(403)
                .body("type", equalTo("https://originlive.org/problems/forbidden"));
        String theirProduct = Api.product(theirs, 100, 5);
        as(staff)
                .body(Map.of("stock", 0))
                .patch("/api/products/" + theirProduct)
                .then()
                .statusCode(403);
        anonymous().get("/api/products/" + theirProduct).then().body("stock", equalTo(5));
    }

    @Test
    void consumersAndHostsCannotManageProducts() {
        String cooperativeId = Api.cooperative();
        as(Api.consumer())
                .body(Api.productBody(Api.unique("X"), 100, 1))
                .post("/api/cooperatives/" + cooperativeId + "/products")
                .then()
                .statusCode(403);
        as(Api.host())
                .body(Map.of("stock", 0))
                .patch("/api/products/" + Api.product(cooperativeId, 100, 1))
                .then()
                .statusCode(403);
    }

    @Test
    void skuIsUniquePerCooperative() {
        String first = Api.cooperative();
        String second = Api.cooperative();
        String sku = Api.unique("SAME");
        String admin = Api.admin();
        as(admin)
                .body(Api.productBody(sku, 100, 1))
                .post("/api/cooperatives/" + first + "/products")
                .then()
                .statusCode(201);
        as(admin)
                .body(Api.productBody(sku, 100, 1))
                .post("/api/cooperatives/" + first + "/products")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://originlive.org/problems/sku-taken"));
        as(admin)
                .body(Api.productBody(sku, 100, 1))
                .post("/api/cooperatives/" + second + "/products")
                .then()
                .statusCode(201);
    }

    @Test
    void unknownCooperativeIs404ForAdmins() {
        as(Api.admin())
                .body(Api.productBody(Api.unique("X"), 100, 1))
                .post("/api/cooperatives/00000000-0000-0000-0000-000000000000/products")
                .then()
                .statusCode(404);
    }

    @Test
    void invalidProductsAre422() {
        String cooperativeId = Api.cooperative();
        Map<String, Object> body = new HashMap<>(Api.productBody(Api.unique("X"), -1, -5));
        as(Api.admin())
                .body(body)
                .post("/api/cooperatives/" + cooperativeId + "/products")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("priceMinor"))
                .body("violations.field", hasItem("stock"));
    }

    @Test
    void typesAreStrict() {
        String cooperativeId = Api.cooperative();
        String url = "/api/cooperatives/" + cooperativeId + "/products";
        String admin = Api.admin();
        Map<String, Object> stringPrice = new HashMap<>(Api.productBody(Api.unique("X"), 1, 1));
        stringPrice.put("priceMinor", "4500");
        as(admin).body(stringPrice).post(url).then().statusCode(400);
        Map<String, Object> fraction = new HashMap<>(Api.productBody(Api.unique("X"), 1, 1));
        fraction.put("priceMinor", 45.5);
        as(admin).body(fraction).post(url).then().statusCode(400);
        Map<String, Object> unknownField = new HashMap<>(Api.productBody(Api.unique("X"), 1, 1));
        unknownField.put("cooperativeId", cooperativeId);
        as(admin).body(unknownField).post(url).then().statusCode(400);
        String product = Api.product(cooperativeId, 100, 1);
        as(admin)
                .body(Map.of("status", "DELETED"))
                .patch("/api/products/" + product)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void patchChangesOnlyTheGivenFields() {
        String cooperativeId = Api.cooperative();
        String product = Api.product(cooperativeId, 4500, 10);
        as(Api.cooperativeStaff(cooperativeId))
                .body(Map.of("priceMinor", 4200, "stock", 25, "name", "Renamed"))
                .patch("/api/products/" + product)
                .then()
                .statusCode(200)
                .body("priceMinor", equalTo(4200))
                .body("stock", equalTo(25))
                .body("name", equalTo("Renamed"))
                .body("unit", equalTo("pack"));
        as(Api.admin()).body(Map.of()).patch("/api/products/" + product).then().statusCode(422);
    }

    @Test
    void unknownOrMalformedIdsAre404NeverA500() {
        anonymous()
                .get("/api/products/00000000-0000-0000-0000-000000000000")
                .then()
                .statusCode(404);
        anonymous().get("/api/products/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        as(Api.admin())
                .body(Map.of("stock", 1))
                .patch("/api/products/not-a-uuid")
                .then()
                .statusCode(404);
    }

    @Test
    void searchFiltersByCooperativeAndText() {
        String cooperativeId = Api.cooperative();
        String admin = Api.admin();
        Map<String, Object> coffee = new HashMap<>(Api.productBody(Api.unique("COF"), 6800, 10));
        coffee.put("name", "Sidama washed arabica coffee");
        String coffeeId = as(admin)
                .body(coffee)
                .post("/api/cooperatives/" + cooperativeId + "/products")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Api.product(cooperativeId, 100, 1);
        anonymous()
                .get("/api/products?cooperativeId=" + cooperativeId + "&q=ARABICA")
                .then()
                .statusCode(200)
                .body("items.id", contains(coffeeId))
                .body("total", equalTo(1));
        anonymous().get("/api/products?cooperativeId=nope").then().statusCode(400);
    }
}
