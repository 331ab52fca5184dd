package org.originlive.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;

/** Members and their plots: who may register them, and every bad geometry refused with nothing stored. */
@QuarkusTest
class ProducerPlotTest {

    private static final String PROBLEMS = "https://originlive.org/problems/";

    @Test
    void aCooperativeRegistersItsMembersWithCodesUniquePerCooperative() {
        String coop = Api.cooperative();
        String staff = Api.cooperativeStaff(coop);
        Map<String, Object> body = Map.of(
                "memberCode",
                "SID-0042",
                "displayName",
                "Tigist Alemu",
                "publicConsent",
                true,
                "region",
                "Bensa, Sidama");
        as(staff)
                .body(body)
                .post("/api/cooperatives/" + coop + "/producers")
                .then()
                .statusCode(201)
                .header("Location", notNullValue())
                .body("id", notNullValue())
                .body("cooperativeId", equalTo(coop))
                .body("memberCode", equalTo("SID-0042"))
                .body("displayName", equalTo("Tigist Alemu"))
                .body("publicConsent", equalTo(true))
                .body("region", equalTo("Bensa, Sidama"));
        as(staff)
                .body(Map.of("memberCode", "SID-0043", "displayName", "Dawit", "publicConsent", false))
                .post("/api/cooperatives/" + coop + "/producers")
                .then()
                .statusCode(201)
                .body("region", equalTo("Southern Province")); // the cooperative's, when none is given
        as(staff)
                .body(Map.of("memberCode", "SID-0042", "displayName", "Someone else", "publicConsent", false))
                .post("/api/cooperatives/" + coop + "/producers")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "member-code-taken"));
        as(staff)
                .get("/api/cooperatives/" + coop + "/producers")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.memberCode", equalTo(List.of("SID-0042", "SID-0043")));

        String other = Api.cooperative();
        as(Api.admin())
                .body(body)
                .post("/api/cooperatives/" + other + "/producers")
                .then()
                .statusCode(201); // the same code in another cooperative is another member
    }

    @Test
    void onlyThatCooperativesStaffOrAnAdminManageMembers() {
        String coop = Api.cooperative();
        Map<String, Object> body = Map.of("memberCode", "X1", "displayName", "A", "publicConsent", true);
        String path = "/api/cooperatives/" + coop + "/producers";
        for (String stranger : List.of(Api.cooperativeStaff(Api.cooperative()), Api.consumer(), Api.host())) {
            as(stranger).body(body).post(path).then().statusCode(403);
            as(stranger).get(path).then().statusCode(403);
        }
        Api.anonymous().body(body).post(path).then().statusCode(401);
        as(Api.admin())
                .body(body)
                .post("/api/cooperatives/" + java.util.UUID.randomUUID() + "/producers")
                .then()
                .statusCode(404);
        as(Api.admin()).get(path).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void badMembersAre422Or400() {
        String coop = Api.cooperative();
        String staff = Api.cooperativeStaff(coop);
        String path = "/api/cooperatives/" + coop + "/producers";
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("memberCode", "", "displayName", "A", "publicConsent", true),
                Map.of("memberCode", "has space", "displayName", "A", "publicConsent", true),
                Map.of("memberCode", "M1", "displayName", " ", "publicConsent", true),
                Map.of("memberCode", "M1", "displayName", "A"),
                Map.of("memberCode", "M1", "displayName", "two\nlines", "publicConsent", true))) {
            as(staff).body(bad).post(path).then().statusCode(422).contentType("application/problem+json");
        }
        as(staff)
                .body(Map.of("memberCode", "M1", "displayName", "A", "publicConsent", "yes"))
                .post(path)
                .then()
                .statusCode(400);
        as(staff).get(path).then().body("total", equalTo(0));
    }

    @Test
    void plotsArePointsOrPolygonsWithTheirAreaChecked() {
        String coop = Api.cooperative();
        String staff = Api.cooperativeStaff(coop);
        String producer = Origin.producer(staff, coop, "Tigist", true);
        as(staff)
                .body(Map.of("areaHa", 1.2, "geometry", Origin.point(38.8105, 6.6004)))
                .post("/api/producers/" + producer + "/plots")
                .then()
                .statusCode(201)
                .body("producerId", equalTo(producer))
                .body("areaHa", equalTo(1.2f))
                .body("geometry.type", equalTo("Point"))
                .body("geometry.coordinates", equalTo(List.of(38.8105f, 6.6004f)))
                .body("computedAreaHa", nullValue());
        as(staff)
                .body(Map.of("areaHa", 1.05, "geometry", Origin.polygon(Origin.SQUARE_1HA)))
                .post("/api/producers/" + producer + "/plots")
                .then()
                .statusCode(201)
                .body("geometry.type", equalTo("Polygon"))
                .body("geometry.coordinates[0]", hasSize(5))
                .body("computedAreaHa", equalTo(0.9906f)) // 99.52 m × 99.54 m at 6.6° N
                .body("bbox", equalTo(List.of(38.81f, 6.6f, 38.8109f, 6.6009f)));
        as(staff)
                .get("/api/producers/" + producer + "/plots")
                .then()
                .statusCode(200)
                .body("", hasSize(2))
                .body("geometry.type", equalTo(List.of("Point", "Polygon")));
    }

    @Test
    void everyBadPlotIs422NamingTheGeometryAndNothingIsStored() {
        String coop = Api.cooperative();
        String staff = Api.cooperativeStaff(coop);
        String producer = Origin.producer(staff, coop, "Tigist", true);
        String plots = "/api/producers/" + producer + "/plots";
        List<Map.Entry<String, Map<String, Object>>> bad = new java.util.ArrayList<>();
        add(
                bad,
                "geometry.coordinates",
                body(1, Origin.polygon("[[38.81,6.60],[38.82,6.61],[38.82,6.60],[38.81,6.61],[38.81,6.60]]")));
        add(
                bad,
                "geometry.coordinates[0]",
                body(1, Origin.polygon("[[38.81,6.60],[38.82,6.60],[38.82,6.61],[38.81,6.61]]")));
        add(bad, "geometry.coordinates", body(1, Origin.point(38.8, 91)));
        add(bad, "geometry.type", body(10, Origin.point(38.8, 6.6)));
        add(bad, "areaHa", body(3, Origin.polygon(Origin.SQUARE_1HA)));
        add(bad, "geometry.type", body(1, Origin.geometry("MultiPoint", "[[38.8,6.6]]")));
        add(bad, "geometry.coordinates", body(1, Origin.geometry("Point", "[\"38.8\",6.6]")));
        add(bad, "geometry.coordinates", body(1, Origin.geometry("Point", "[181,6.6]")));
        add(bad, "geometry.coordinates", body(1, Map.of()));
        add(bad, "geometry.crs", body(1, Map.of("type", "Point", "coordinates", List.of(1, 2), "crs", "x")));
        add(
                bad,
                "geometry.coordinates[0][2]",
                body(1, Origin.polygon("[[38.81,6.60],[38.82,6.60],[38.82,-90.5],[38.81,6.61],[38.81,6.60]]")));
        bad.forEach(entry -> as(staff)
                .body(entry.getValue())
                .post(plots)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "validation"))
                .body("violations[0].field", equalTo(entry.getKey())));
        as(staff)
                .body(Map.of("areaHa", 1))
                .post(plots)
                .then()
                .statusCode(422)
                .body("violations[0].field", startsWith("geometry"));
        as(staff).body(body(0, Origin.point(38.8, 6.6))).post(plots).then().statusCode(422);
        as(staff).body(body(-1, Origin.point(38.8, 6.6))).post(plots).then().statusCode(422);
        as(staff).body(body("1", Origin.point(38.8, 6.6))).post(plots).then().statusCode(400);
        as(staff).get(plots).then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void plotsBelongToTheProducersCooperative() {
        String coop = Api.cooperative();
        String staff = Api.cooperativeStaff(coop);
        String producer = Origin.producer(staff, coop, "Tigist", true);
        String plots = "/api/producers/" + producer + "/plots";
        Map<String, Object> plot = body(1, Origin.point(38.8, 6.6));
        String stranger = Api.cooperativeStaff(Api.cooperative());
        as(stranger).body(plot).post(plots).then().statusCode(403);
        as(stranger).get(plots).then().statusCode(403);
        as(Api.consumer()).get(plots).then().statusCode(403);
        Api.anonymous().get(plots).then().statusCode(401);
        as(staff)
                .body(plot)
                .post("/api/producers/" + java.util.UUID.randomUUID() + "/plots")
                .then()
                .statusCode(404);
        assertThat(as(Api.admin())
                        .get(plots)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList(""))
                .isEmpty();
    }

    private static void add(List<Map.Entry<String, Map<String, Object>>> list, String field, Map<String, Object> body) {
        list.add(Map.entry(field, body));
    }

    private static Map<String, Object> body(Object areaHa, Map<String, Object> geometry) {
        Map<String, Object> body = new HashMap<>();
        body.put("areaHa", areaHa);
        body.put("geometry", geometry);
        return body;
    }
}
