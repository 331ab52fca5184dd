package org.originlive.demo;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;

/** The demo data carries members, plots and lots, so a new user sees origin at once. */
@QuarkusTest
@TestProfile(DemoOriginTest.Demo.class)
class DemoOriginTest {

    public static class Demo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("originlive.demo.enabled", "true");
        }
    }

    @Test
    void theDemoCooperativesHaveLotsWithConsentingNamesOnly() {
        String sidama = anonymous()
                .get("/api/storefronts/" + DemoCatalog.COFFEE_SLUG)
                .then()
                .statusCode(200)
                .extract()
                .path("cooperative.id");
        anonymous()
                .get("/api/cooperatives/" + sidama + "/lots")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].lotCode", equalTo("SID-2025-W01"))
                .body("items[0].producers", equalTo(3))
                .body("items[0].plots", equalTo(3))
                .body("items[0].regions", contains("Bensa, Sidama", "Shebedino, Sidama"))
                .body("items[0].producerNames", contains("Almaz Haile", "Tigist Alemu"));
        String lot = anonymous().get("/api/cooperatives/" + sidama + "/lots").path("items[0].id");
        String desk = Api.login("coffee@demo.originlive.org", DemoData.PASSWORD);
        as(desk).get("/api/lots/" + lot + "/geojson")
                .then()
                .statusCode(200)
                .body("features", hasSize(3))
                .body("features.geometry.type", equalTo(List.of("Polygon", "Point", "Polygon")));
        for (String slug : List.of("rwanda-chili-sauce", "rwanda-mountain-coffee")) {
            String coop = anonymous().get("/api/storefronts/" + slug).path("cooperative.id");
            anonymous()
                    .get("/api/cooperatives/" + coop + "/lots")
                    .then()
                    .statusCode(200)
                    .body("total", equalTo(1))
                    .body("items[0].producers", equalTo(2))
                    .body("items[0].producerNames", hasSize(1));
        }
    }
}
