package org.originlive.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;

/** Lots: the full view for the cooperative, the public view for everyone else, and every bad lot refused. */
@QuarkusTest
class LotTest {

    private static final String PROBLEMS = "https://originlive.org/problems/";

    record Setup(
            String coop,
            String staff,
            String product,
            String tigist,
            String dawit,
            String tigistPlot,
            String dawitPlot) {}

    private static Setup setup() {
        String coop = Api.cooperative();
        String staff = Api.cooperativeStaff(coop);
        String product = Api.product(coop, 6800, 100);
        String tigist = Origin.producer(staff, coop, "Tigist Alemu", true);
        String dawit = Origin.producer(staff, coop, "Dawit Bekele", false);
        String tigistPlot = Origin.plot(staff, tigist, 1.0, Origin.polygon(Origin.SQUARE_1HA));
        String dawitPlot = Origin.plot(staff, dawit, 2.5, Origin.point(38.83, 6.62));
        return new Setup(coop, staff, product, tigist, dawit, tigistPlot, dawitPlot);
    }

    private static Map<String, Object> goodLot(Setup s) {
        return Origin.lotBody(
                s.product(),
                1200,
                Origin.input(s.tigist(), s.tigistPlot(), 500),
                Origin.input(s.dawit(), s.dawitPlot(), 650.5),
                Origin.input(s.tigist(), null, 40));
    }

    @Test
    void theCooperativeSeesTheWholeLotAndEveryoneElseThePublicView() {
        Setup s = setup();
        Map<String, Object> body = goodLot(s);
        String id = as(s.staff())
                .body(body)
                .post("/api/cooperatives/" + s.coop() + "/lots")
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/lots/"))
                .body("cooperativeId", equalTo(s.coop()))
                .body("productId", equalTo(s.product()))
                .body("lotCode", equalTo(body.get("lotCode")))
                .body("process", equalTo("washed"))
                .body("harvestFrom", equalTo("2025-11-01"))
                .body("harvestTo", equalTo("2026-01-15"))
                .body("quantityKg", equalTo(1200))
                .body("certifications", equalTo(List.of("Fairtrade", "Organic")))
                .body("inputs", hasSize(3))
                .body("inputs[1].kg", equalTo(650.5f))
                .body("inputs[1].farmgatePaidMinor", equalTo(250000))
                .extract()
                .path("id");

        for (String insider : List.of(s.staff(), Api.admin())) {
            as(insider).get("/api/lots/" + id).then().statusCode(200).body("inputs", hasSize(3));
        }
        for (var outsider : List.of(Api.anonymous(), as(Api.consumer()), as(Api.cooperativeStaff(Api.cooperative())))) {
            Response view = outsider.get("/api/lots/" + id);
            view.then()
                    .statusCode(200)
                    .body("id", equalTo(id))
                    .body("lotCode", equalTo(body.get("lotCode")))
                    .body("producers", equalTo(2))
                    .body("plots", equalTo(2))
                    .body("hectares", equalTo(3.5f))
                    .body("regions", equalTo(List.of("Southern Province")))
                    .body("producerNames", equalTo(List.of("Tigist Alemu")))
                    .body("inputs", nullValue());
            assertThat(view.asString())
                    .doesNotContain("Dawit")
                    .doesNotContain("coordinates")
                    .doesNotContain(s.dawit())
                    .doesNotContain("farmgate");
        }
        Api.anonymous()
                .get("/api/cooperatives/" + s.coop() + "/lots")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(id))
                .body("items[0].producerNames", equalTo(List.of("Tigist Alemu")))
                .body("items[0].inputs", nullValue())
                .body(not(org.hamcrest.Matchers.containsString("Dawit")));
        Api.anonymous().get("/api/lots/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void theGeoJsonExportIsForTheCooperativeAndAdminOnly() {
        Setup s = setup();
        String id = Origin.lot(s.staff(), s.coop(), goodLot(s));
        as(s.staff())
                .get("/api/lots/" + id + "/geojson")
                .then()
                .statusCode(200)
                .contentType("application/geo+json")
                .body("type", equalTo("FeatureCollection"))
                .body("features", hasSize(2))
                .body("features.type", equalTo(List.of("Feature", "Feature")))
                .body("features.geometry.type", org.hamcrest.Matchers.containsInAnyOrder("Polygon", "Point"))
                .body(
                        "features.find { it.id == '" + s.tigistPlot() + "' }.properties.producerName",
                        equalTo("Tigist Alemu"))
                .body("features.find { it.id == '" + s.tigistPlot() + "' }.properties.areaHa", equalTo(1))
                .body("features.find { it.id == '" + s.tigistPlot() + "' }.properties.kg", equalTo(500))
                .body(
                        "features.find { it.id == '" + s.dawitPlot() + "' }.properties.memberCode",
                        org.hamcrest.Matchers.startsWith("M-"));
        as(Api.admin()).get("/api/lots/" + id + "/geojson").then().statusCode(200);
        as(Api.cooperativeStaff(Api.cooperative()))
                .get("/api/lots/" + id + "/geojson")
                .then()
                .statusCode(403);
        as(Api.consumer()).get("/api/lots/" + id + "/geojson").then().statusCode(403);
        Api.anonymous().get("/api/lots/" + id + "/geojson").then().statusCode(401);
        as(s.staff()).get("/api/lots/" + UUID.randomUUID() + "/geojson").then().statusCode(404);
    }

    @Test
    void lotCodesAreUniquePerCooperative() {
        Setup s = setup();
        Map<String, Object> body = goodLot(s);
        Origin.lot(s.staff(), s.coop(), body);
        as(s.staff())
                .body(body)
                .post("/api/cooperatives/" + s.coop() + "/lots")
                .then()
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "lot-code-taken"));
        assertLots(s, 1);
    }

    @Test
    void racingRequestsForOneLotCodeStoreOneLot() throws Exception {
        Setup s = setup();
        Map<String, Object> body = goodLot(s);
        List<Response> answers = org.originlive.support.Concurrently.repeat(
                8, () -> as(s.staff()).body(body).post("/api/cooperatives/" + s.coop() + "/lots"));
        assertThat(answers)
                .extracting(Response::statusCode)
                .containsOnlyOnce(201)
                .containsOnly(201, 409);
        assertLots(s, 1);
        List<Response> members = org.originlive.support.Concurrently.repeat(8, () -> as(s.staff())
                .body(Map.of("memberCode", "RACE-1", "displayName", "Racer", "publicConsent", false))
                .post("/api/cooperatives/" + s.coop() + "/producers"));
        assertThat(members)
                .extracting(Response::statusCode)
                .containsOnlyOnce(201)
                .containsOnly(201, 409);
        as(s.staff()).get("/api/cooperatives/" + s.coop() + "/producers").then().body("total", equalTo(3));
    }

    @Test
    void everyBadLotIsRefusedAndNothingIsStored() {
        Setup s = setup();
        String otherCoop = Api.cooperative();
        String otherStaff = Api.cooperativeStaff(otherCoop);
        String stranger = Origin.producer(otherStaff, otherCoop, "Outsider", true);
        String otherProduct = Api.product(otherCoop, 100, 1);
        List<Map.Entry<String, Map<String, Object>>> bad = new ArrayList<>();
        bad.add(Map.entry(
                "inputs",
                Origin.lotBody(
                        s.product(), 1000, Origin.input(s.tigist(), null, 600), Origin.input(s.dawit(), null, 400.5))));
        bad.add(Map.entry(
                "inputs[1].producerId",
                Origin.lotBody(
                        s.product(), 1000, Origin.input(s.tigist(), null, 10), Origin.input(stranger, null, 10))));
        bad.add(Map.entry("productId", Origin.lotBody(otherProduct, 1000, Origin.input(s.tigist(), null, 10))));
        bad.add(Map.entry(
                "productId", Origin.lotBody(UUID.randomUUID().toString(), 1000, Origin.input(s.tigist(), null, 10))));
        bad.add(Map.entry(
                "inputs[0].plotId", Origin.lotBody(s.product(), 1000, Origin.input(s.tigist(), s.dawitPlot(), 10))));
        bad.add(Map.entry(
                "inputs[0].producerId",
                Origin.lotBody(s.product(), 1000, Origin.input(UUID.randomUUID().toString(), null, 10))));
        bad.add(Map.entry("harvestTo", with(goodLot(s), "harvestTo", "2025-10-01")));
        bad.add(Map.entry("harvestFrom", with(goodLot(s), "harvestFrom", "1850-10-01")));
        bad.add(Map.entry("certifications", with(goodLot(s), "certifications", Collections.nCopies(21, "Organic"))));
        bad.add(Map.entry(
                "certifications[0].<list element>", with(goodLot(s), "certifications", List.of("x".repeat(61)))));
        bad.add(Map.entry("quantityKg", with(goodLot(s), "quantityKg", 0)));
        bad.add(Map.entry("inputs", with(goodLot(s), "inputs", List.of())));
        bad.add(Map.entry("lotCode", with(goodLot(s), "lotCode", "has spaces")));
        Map<String, Object> badCurrency = new HashMap<>(Origin.input(s.tigist(), null, 10));
        badCurrency.put("currency", "ABC");
        bad.add(Map.entry("inputs[0].currency", Origin.lotBody(s.product(), 100, badCurrency)));
        Map<String, Object> negative = new HashMap<>(Origin.input(s.tigist(), null, 10));
        negative.put("farmgatePaidMinor", -1);
        bad.add(Map.entry("farmgatePaidMinor", Origin.lotBody(s.product(), 100, negative)));
        for (var entry : bad) {
            Response response = as(s.staff()).body(entry.getValue()).post("/api/cooperatives/" + s.coop() + "/lots");
            response.then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "validation"));
            assertThat(response.jsonPath().getList("violations.field", String.class))
                    .as(response.asString())
                    .anySatisfy(
                            field -> assertThat(field).endsWith(entry.getKey().replaceAll(".*\\.", "")));
        }
        as(s.staff())
                .body(with(goodLot(s), "harvestFrom", "2025-13-01"))
                .post("/api/cooperatives/" + s.coop() + "/lots")
                .then()
                .statusCode(400);
        as(s.staff())
                .body(with(goodLot(s), "quantityKg", "1000"))
                .post("/api/cooperatives/" + s.coop() + "/lots")
                .then()
                .statusCode(400);
        as(otherStaff)
                .body(goodLot(s))
                .post("/api/cooperatives/" + s.coop() + "/lots")
                .then()
                .statusCode(403);
        as(Api.consumer())
                .body(goodLot(s))
                .post("/api/cooperatives/" + s.coop() + "/lots")
                .then()
                .statusCode(403);
        assertLots(s, 0);
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    private static void assertLots(Setup s, int expected) {
        Api.anonymous()
                .get("/api/cooperatives/" + s.coop() + "/lots")
                .then()
                .statusCode(200)
                .body("total", equalTo(expected));
    }
}
