package org.originlive;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.ProdSettings;

/**
 * The packaged jar in the prod profile, configured only through datasource and admin settings
 * against an empty database: it migrates it and serves the accounts and storefront API.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ProdSettings.class, restrictToAnnotatedClass = true)
class PackagedJarIT {

    @Test
    void servesAccountsCooperativesAndStorefronts() {
        String slug = Api.unique("jar-coop");
        String cooperativeId = Api.cooperativeWithSlug(slug);
        String staff = Api.cooperativeStaff(cooperativeId);
        as(staff).get("/api/me").then().statusCode(200).body("cooperativeId", equalTo(cooperativeId));
        String productId = as(staff)
                .body(Api.productBody(Api.unique("SKU"), 6800, 20))
                .post("/api/cooperatives/" + cooperativeId + "/products")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(staff)
                .body(Map.of("stock", 19))
                .patch("/api/products/" + productId)
                .then()
                .statusCode(200);
        anonymous()
                .get("/api/storefronts/" + slug)
                .then()
                .statusCode(200)
                .body("products.id", contains(productId))
                .body("products.stock", contains(19));
        as(Api.consumer()).get("/api/me").then().statusCode(200).body("roles", contains("CONSUMER"));
        anonymous().get("/api/products/" + productId).then().statusCode(200);
        anonymous().get("/q/health/ready").then().statusCode(200);
    }
}
