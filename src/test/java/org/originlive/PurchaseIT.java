package org.originlive;

import static org.hamcrest.Matchers.equalTo;
import static org.originlive.support.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.ProdSettings;

/** A whole purchase against the packaged jar: sale, live, order, pay, the cooperative ships. */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ProdSettings.class, restrictToAnnotatedClass = true)
class PurchaseIT {

    @Test
    void fromLiveSaleToDelivery() {
        String cooperative = Api.cooperative();
        String staff = Api.cooperativeStaff(cooperative);
        String host = Api.host();
        String sale = Api.liveSale(host, Api.product(cooperative, 6800, 2000), 2000, 5);
        String item = Api.firstItem(sale);
        String buyer = Api.consumer();
        String order = Api.orderFromSale(buyer, sale, item, 2)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(buyer)
                .body(Map.of("method", "sandbox"))
                .post("/api/orders/" + order + "/pay")
                .then()
                .statusCode(200)
                .body("status", equalTo("PAID"));
        String fulfillment = as(staff)
                .get("/api/cooperatives/" + cooperative + "/fulfillments")
                .then()
                .statusCode(200)
                .body("items[0].grossMinor", equalTo(9800))
                .body("items[0].feeMinor", equalTo(490))
                .extract()
                .path("items[0].id");
        as(staff).post("/api/fulfillments/" + fulfillment + "/accept").then().statusCode(200);
        as(staff)
                .body(Map.of("carrier", "SF Express", "trackingNumber", "SF1"))
                .post("/api/fulfillments/" + fulfillment + "/ship")
                .then()
                .statusCode(200);
        as(staff)
                .post("/api/fulfillments/" + fulfillment + "/deliver")
                .then()
                .statusCode(200)
                .body("status", equalTo("DELIVERED"));
        as(buyer).get("/api/orders/" + order).then().body("fulfillments[0].status", equalTo("DELIVERED"));
        as(staff).get("/api/cooperatives/" + cooperative + "/earnings").then().body("items[0].netMinor", equalTo(9310));
    }
}
