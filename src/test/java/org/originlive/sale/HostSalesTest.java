package org.originlive.sale;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;

@QuarkusTest
class HostSalesTest {

    private static String id(String token) {
        return as(token).get("/api/me").then().statusCode(200).extract().path("id");
    }

    @Test
    void aHostListsItsOwnSalesOnly() {
        String host = Api.host();
        String other = Api.host();
        String product = Api.product(Api.cooperative(), 100, 30);
        String first = Api.scheduledSale(host, product, 5, 1);
        String live = Api.liveSale(host, product, 5, 1);
        Api.scheduledSale(other, product, 5, 1);

        as(host).get("/api/sales?hostId=" + id(host))
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", contains(first, live));
        as(host).get("/api/sales?status=LIVE&hostId=" + id(host))
                .then()
                .statusCode(200)
                .body("items.id", contains(live));
        as(Api.admin())
                .get("/api/sales?hostId=" + id(host))
                .then()
                .statusCode(200)
                .body("total", equalTo(2));
    }

    @Test
    void anotherHostsIdIsForbiddenAndATokenIsNeeded() {
        String host = Api.host();
        String other = Api.host();
        as(host).get("/api/sales?hostId=" + id(other)).then().statusCode(403).body("type", endsWith("/forbidden"));
        as(Api.consumer()).get("/api/sales?hostId=" + id(host)).then().statusCode(403);
        anonymous().get("/api/sales?hostId=" + id(host)).then().statusCode(401).body("type", endsWith("/unauthorized"));
        as(host).get("/api/sales?hostId=nope").then().statusCode(400);
    }
}
