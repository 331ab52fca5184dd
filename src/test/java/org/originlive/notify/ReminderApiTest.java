package org.originlive.notify;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.originlive.support.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.SmtpServer;

/** POST/DELETE /api/sales/{id}/reminders: who may, when, and what each answer is. */
@QuarkusTest
@QuarkusTestResource(SmtpServer.class)
class ReminderApiTest {

    @Test
    void aBuyerSetsAReminderOnceAndRemovesItIdempotently() {
        String sale = scheduledSale();
        String buyer = Api.consumer();
        as(buyer)
                .post(path(sale))
                .then()
                .statusCode(201)
                .body("saleId", equalTo(sale))
                .body("reminded", equalTo(true));
        as(buyer).post(path(sale)).then().statusCode(200).body("reminded", equalTo(true));
        as(buyer).delete(path(sale)).then().statusCode(204);
        as(buyer).delete(path(sale)).then().statusCode(204);
        as(buyer).post(path(sale)).then().statusCode(201);
    }

    @Test
    void startedOrUnknownSalesAndOtherRolesAreRefused() {
        String host = Api.host();
        String coop = Api.cooperative();
        String live = Api.liveSale(host, Api.product(coop, 4900, 10), 5, 2);
        String buyer = Api.consumer();
        problem(as(buyer).post(path(live)).then().statusCode(409), "sale-started");
        String unknown = UUID.randomUUID().toString();
        problem(as(buyer).post(path(unknown)).then().statusCode(404), "not-found");
        problem(as(buyer).delete(path(unknown)).then().statusCode(404), "not-found");

        String sale = Api.scheduledSale(host, Api.product(coop, 4900, 10), 5, 2);
        problem(as(host).post(path(sale)).then().statusCode(403), "forbidden");
        problem(as(Api.cooperativeStaff(coop)).post(path(sale)).then().statusCode(403), "forbidden");
        problem(Api.anonymous().post(path(sale)).then().statusCode(401), "unauthorized");

        as(buyer).post(path(sale)).then().statusCode(201);
        as(host).post("/api/sales/" + sale + "/cancel").then().statusCode(200);
        problem(as(buyer).post(path(sale)).then().statusCode(409), "sale-started");
    }

    private static void problem(io.restassured.response.ValidatableResponse response, String slug) {
        response.contentType("application/problem+json").body("type", endsWith("/" + slug));
    }

    static String scheduledSale() {
        String coop = Api.cooperative();
        return Api.scheduledSale(Api.host(), Api.product(coop, 4900, 10), 5, 2);
    }

    static String path(String sale) {
        return "/api/sales/" + sale + "/reminders";
    }
}
