package org.originlive.common;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.originlive.support.Api.anonymous;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

    @Test
    void readinessChecksTheDatabase() {
        anonymous()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("PostgreSQL")));
    }

    @Test
    void prometheusMetricsAreServed() {
        anonymous()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("http_server_requests"))
                .body(containsString("originlive_ws_connections"))
                .body(containsString("originlive_ws_frames_sent_total"))
                .body(containsString("originlive_ws_frames_dropped_total"))
                .body(containsString("originlive_ws_notify_to_send_seconds"))
                .body(containsString("originlive_orders_created_total"))
                .body(containsString("originlive_orders_sold_out_total"))
                .body(containsString("originlive_orders_expired_total"))
                .body(containsString("originlive_checkout_latency_seconds"));
    }

    @Test
    void openApiDocumentsEveryContractEndpoint() {
        var paths = anonymous()
                .accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths", hasKey("/api/auth/register"))
                .body("paths", hasKey("/api/auth/login"))
                .body("paths", hasKey("/api/me"))
                .body("paths", hasKey("/api/admin/users"))
                .body("paths", hasKey("/api/cooperatives"))
                .body("paths", hasKey("/api/storefronts/{slug}"))
                .body("paths", hasKey("/api/cooperatives/{id}/products"))
                .body("paths", hasKey("/api/products/{id}"))
                .body("paths", hasKey("/api/products"))
                .body("paths", hasKey("/api/sales"))
                .body("paths", hasKey("/api/sales/{id}/start"))
                .body("paths", hasKey("/api/sales/{id}/pin"))
                .body("paths", hasKey("/api/sales/{id}/orders"))
                .body("paths", hasKey("/api/orders"))
                .body("paths", hasKey("/api/orders/{id}/pay"))
                .body("paths", hasKey("/api/orders/{id}/cancel"))
                .body("paths", hasKey("/api/cooperatives/{id}/fulfillments"))
                .body("paths", hasKey("/api/fulfillments/{id}/ship"))
                .body("paths", hasKey("/api/cooperatives/{id}/earnings"));
        anonymous().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void unknownPathsAreProblemJson() {
        anonymous().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }
}
