package org.originlive.cooperative;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;

@QuarkusTest
class CooperativeResourceTest {

    @Test
    void adminCreatesACooperative() {
        String slug = Api.unique("huye-chili");
        as(Api.admin())
                .body(Api.cooperativeBody(slug))
                .post("/api/cooperatives")
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/storefronts/" + slug))
                .body("slug", equalTo(slug))
                .body("country", equalTo("RW"))
                .body("payoutCurrency", equalTo("RWF"));
    }

    @Test
    void duplicateSlugIs409() {
        String slug = Api.unique("dup");
        Api.cooperativeWithSlug(slug);
        as(Api.admin())
                .body(Api.cooperativeBody(slug))
                .post("/api/cooperatives")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://originlive.org/problems/slug-taken"));
    }

    @Test
    void invalidFieldsAre422() {
        Map<String, Object> body = new HashMap<>(Api.cooperativeBody("Bad Slug!"));
        body.put("country", "XX");
        as(Api.admin())
                .body(body)
                .post("/api/cooperatives")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("slug"));
        Map<String, Object> unknownCountry = new HashMap<>(Api.cooperativeBody(Api.unique("c")));
        unknownCountry.put("country", "XX");
        as(Api.admin())
                .body(unknownCountry)
                .post("/api/cooperatives")
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("country"));
        Map<String, Object> badCurrency = new HashMap<>(Api.cooperativeBody(Api.unique("c")));
        badCurrency.put("payoutCurrency", "ZZZ");
        as(Api.admin()).body(badCurrency).post("/api/cooperatives").then().statusCode(422);
    }

    @Test
    void onlyAdminsCreateCooperatives() {
        as(Api.host())
                .body(Api.cooperativeBody(Api.unique("h")))
                .post("/api/cooperatives")
                .then()
                .statusCode(403);
        as(Api.cooperativeStaff(Api.cooperative()))
                .body(Api.cooperativeBody(Api.unique("h")))
                .post("/api/cooperatives")
                .then()
                .statusCode(403);
        anonymous()
                .body(Api.cooperativeBody(Api.unique("h")))
                .post("/api/cooperatives")
                .then()
                .statusCode(401);
    }

    @Test
    void listIsPublicAndPaginated() {
        Api.cooperative();
        Api.cooperative();
        anonymous()
                .get("/api/cooperatives?page=0&size=1")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("page", equalTo(0))
                .body("size", equalTo(1))
                .body("total", greaterThanOrEqualTo(2));
        anonymous().get("/api/cooperatives?size=101").then().statusCode(400);
        anonymous().get("/api/cooperatives?page=-1").then().statusCode(400);
        anonymous().get("/api/cooperatives?size=ten").then().statusCode(400);
    }

    @Test
    void storefrontShowsOnlyActiveProducts() {
        String slug = Api.unique("store");
        String cooperativeId = Api.cooperativeWithSlug(slug);
        String active = Api.product(cooperativeId, 4500, 10);
        String archived = Api.product(cooperativeId, 4500, 10);
        as(Api.admin())
                .body(Map.of("status", "ARCHIVED"))
                .patch("/api/products/" + archived)
                .then()
                .statusCode(200);
        anonymous()
                .get("/api/storefronts/" + slug)
                .then()
                .statusCode(200)
                .body("cooperative.id", equalTo(cooperativeId))
                .body("products.id", contains(active));
    }

    @Test
    void unknownStorefrontIs404() {
        anonymous()
                .get("/api/storefronts/no-such-cooperative")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://originlive.org/problems/not-found"));
    }
}
