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
        anonymous().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
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
                .body("paths", hasKey("/api/products"));
        anonymous().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void unknownPathsAreProblemJson() {
        anonymous().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }
}
