package org.originlive.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;

/** A cooperative assigns lots to shipped lines; the buyer traces them; the sale's impact adds them up. */
@QuarkusTest
class TraceTest {

    private static final String PROBLEMS = "https://originlive.org/problems/";

    record Coop(String id, String staff, String product, String lot, String producerName) {}

    record Sale(String id, String coffeeItem, String chiliItem, Coop coffee, Coop chili, String buyer) {}

    /** A cooperative with one product and a lot of it from one consenting member's 1 ha plot. */
    private static Coop coop(String member) {
        String id = Api.cooperative();
        String staff = Api.cooperativeStaff(id);
        String product = Api.product(id, 6800, 100);
        String producer = Origin.producer(staff, id, member, true);
        String plot = Origin.plot(staff, producer, 1.0, Origin.polygon(Origin.SQUARE_1HA));
        String lot = Origin.lot(staff, id, Origin.lotBody(product, 500, Origin.input(producer, plot, 300)));
        return new Coop(id, staff, product, lot, member);
    }

    private static Sale sale() {
        Coop coffee = coop("Tigist Alemu");
        Coop chili = coop("Aline Uwase");
        Instant start = Instant.now().minusSeconds(1);
        String sale = as(Api.host())
                .body(Api.saleBody(
                        start,
                        start.plusSeconds(3600),
                        Api.saleItem(coffee.product(), 6000, 20, 5),
                        Api.saleItem(chili.product(), 3000, 20, 5)))
                .post("/api/sales")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        List<String> items =
                Api.anonymous().get("/api/sales/" + sale).then().extract().path("items.id");
        return new Sale(sale, items.get(0), items.get(1), coffee, chili, Api.consumer());
    }

    /** A paid order of coffee and chili; returns the order id. */
    private static String paidOrder(Sale s, int coffee, int chili) {
        String order = as(s.buyer())
                .header("Idempotency-Key", Api.unique("k"))
                .body(Map.of(
                        "items",
                        List.of(
                                Map.of("itemId", s.coffeeItem(), "quantity", coffee),
                                Map.of("itemId", s.chiliItem(), "quantity", chili)),
                        "shippingAddress",
                        Api.address()))
                .post("/api/sales/" + s.id() + "/orders")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(s.buyer())
                .body(Map.of("method", "sandbox"))
                .post("/api/orders/" + order + "/pay")
                .then()
                .statusCode(200);
        return order;
    }

    /** The cooperative's fulfilment of the order: {id, lineId}. */
    private static String[] fulfilment(Coop c, String order) {
        JsonPath page = as(c.staff())
                .get("/api/cooperatives/" + c.id() + "/fulfillments?size=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        int i = page.getList("items.orderId").indexOf(order);
        return new String[] {page.getString("items[" + i + "].id"), page.getString("items[" + i + "].lines[0].id")};
    }

    private static Map<String, Object> assign(String line, String lot) {
        return Map.of("lines", List.of(Map.of("lineId", line, "lotId", lot)));
    }

    @Test
    void lotsAreAssignedOnceAcceptedAndTheBuyerTracesThem() {
        Sale s = sale();
        String order = paidOrder(s, 2, 1);
        String[] f = fulfilment(s.coffee(), order);
        String lots = "/api/fulfillments/" + f[0] + "/lots";
        String staff = s.coffee().staff();

        as(staff)
                .body(assign(f[1], s.coffee().lot()))
                .post(lots)
                .then()
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "fulfillment-not-accepted"));
        as(staff).post("/api/fulfillments/" + f[0] + "/accept").then().statusCode(200);
        // Another cooperative's lot, a lot of another product, a line of another fulfilment, an unknown lot.
        String otherProductLot = Origin.lot(
                staff,
                s.coffee().id(),
                Origin.lotBody(
                        Api.product(s.coffee().id(), 100, 1),
                        10,
                        Origin.input(producerOf(staff, s.coffee().lot()), null, 1)));
        String chiliLine = fulfilment(s.chili(), order)[1];
        for (var bad : List.of(
                Map.entry("lines[0].lotId", assign(f[1], s.chili().lot())),
                Map.entry("lines[0].lotId", assign(f[1], otherProductLot)),
                Map.entry("lines[0].lotId", assign(f[1], UUID.randomUUID().toString())),
                Map.entry("lines[0].lineId", assign(chiliLine, s.coffee().lot())),
                Map.entry(
                        "lines[0].lineId",
                        assign(UUID.randomUUID().toString(), s.coffee().lot())))) {
            as(staff)
                    .body(bad.getValue())
                    .post(lots)
                    .then()
                    .statusCode(422)
                    .body("violations[0].field", equalTo(bad.getKey()));
        }
        as(staff).get(lots).then().statusCode(200).body("lines", hasSize(0));
        as(s.chili().staff())
                .body(assign(f[1], s.coffee().lot()))
                .post(lots)
                .then()
                .statusCode(403);
        as(s.buyer()).body(assign(f[1], s.coffee().lot())).post(lots).then().statusCode(403);
        as(staff)
                .body(assign(f[1], s.coffee().lot()))
                .post("/api/fulfillments/" + UUID.randomUUID() + "/lots")
                .then()
                .statusCode(404);

        as(staff)
                .body(assign(f[1], s.coffee().lot()))
                .post(lots)
                .then()
                .statusCode(200)
                .body("fulfillmentId", equalTo(f[0]))
                .body("lines[0].lineId", equalTo(f[1]))
                .body("lines[0].lotId", equalTo(s.coffee().lot()));

        JsonPath trace = as(s.buyer())
                .get("/api/orders/" + order + "/trace")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(trace.getList("lines")).hasSize(2);
        assertThat(trace.getString("lines[0].lineId")).isEqualTo(f[1]);
        assertThat(trace.getString("lines[0].cooperative.id"))
                .isEqualTo(s.coffee().id());
        assertThat(trace.getString("lines[0].cooperative.country")).isEqualTo("RW");
        assertThat(trace.getString("lines[0].lot.id")).isEqualTo(s.coffee().lot());
        assertThat(trace.getInt("lines[0].lot.producers")).isEqualTo(1);
        assertThat(trace.getFloat("lines[0].lot.hectares")).isEqualTo(1.0f);
        assertThat(trace.getList("lines[0].lot.producerNames")).containsExactly("Tigist Alemu");
        assertThat(trace.getString("lines[1].lot")).isNull();
        assertThat(trace.prettify()).doesNotContain("coordinates").doesNotContain("inputs");

        as(Api.admin()).get("/api/orders/" + order + "/trace").then().statusCode(200);
        for (String stranger : List.of(Api.consumer(), staff, Api.host())) {
            as(stranger).get("/api/orders/" + order + "/trace").then().statusCode(404);
        }
        Api.anonymous().get("/api/orders/" + order + "/trace").then().statusCode(401);
        as(s.buyer()).get("/api/orders/" + UUID.randomUUID() + "/trace").then().statusCode(404);
    }

    @Test
    void reassigningALineReplacesItsLotAlsoAfterShipping() {
        Sale s = sale();
        String order = paidOrder(s, 1, 1);
        String[] f = fulfilment(s.coffee(), order);
        String staff = s.coffee().staff();
        String second = Origin.lot(
                staff,
                s.coffee().id(),
                Origin.lotBody(
                        s.coffee().product(),
                        100,
                        Origin.input(producerOf(staff, s.coffee().lot()), null, 5)));
        as(staff).post("/api/fulfillments/" + f[0] + "/accept").then().statusCode(200);
        as(staff)
                .body(assign(f[1], s.coffee().lot()))
                .post("/api/fulfillments/" + f[0] + "/lots")
                .then()
                .statusCode(200);
        as(staff)
                .body(Map.of("carrier", "SF Express", "trackingNumber", "SF1"))
                .post("/api/fulfillments/" + f[0] + "/ship")
                .then()
                .statusCode(200);
        as(staff)
                .body(assign(f[1], second))
                .post("/api/fulfillments/" + f[0] + "/lots")
                .then()
                .statusCode(200)
                .body("lines", hasSize(1))
                .body("lines[0].lotId", equalTo(second));
        as(s.buyer())
                .get("/api/orders/" + order + "/trace")
                .then()
                .body("lines[0].lot.id", equalTo(second))
                .body("lines[0].lot.plots", equalTo(0))
                .body("lines[0].lot.hectares", equalTo(0));
    }

    @Test
    void aCancelledFulfilmentTakesNoLots() {
        Sale s = sale();
        String order = paidOrder(s, 1, 1);
        String[] f = fulfilment(s.coffee(), order);
        as(s.buyer()).post("/api/orders/" + order + "/cancel").then().statusCode(200);
        as(s.coffee().staff())
                .body(assign(f[1], s.coffee().lot()))
                .post("/api/fulfillments/" + f[0] + "/lots")
                .then()
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "fulfillment-not-accepted"));
    }

    @Test
    void theImpactOfASaleCountsPaidOrdersAndTheProducersBehindTheirLots() {
        Sale s = sale();
        String first = paidOrder(s, 2, 1);
        paidOrder(s, 1, 3);
        String cancelled = paidOrder(s, 1, 1);
        as(s.buyer()).post("/api/orders/" + cancelled + "/cancel").then().statusCode(200);
        // A reserved, unpaid order counts for nothing.
        as(s.buyer())
                .header("Idempotency-Key", Api.unique("k"))
                .body(Api.saleOrder(s.coffeeItem(), 1))
                .post("/api/sales/" + s.id() + "/orders")
                .then()
                .statusCode(201);

        String[] f = fulfilment(s.coffee(), first);
        as(s.coffee().staff())
                .post("/api/fulfillments/" + f[0] + "/accept")
                .then()
                .statusCode(200);
        as(s.coffee().staff())
                .body(assign(f[1], s.coffee().lot()))
                .post("/api/fulfillments/" + f[0] + "/lots")
                .then()
                .statusCode(200);

        // coffee: 3 × 6000 = 18000 over two fulfilments (12000 → fee 600, 6000 → fee 300)
        // chili: 4 × 3000 = 12000 (3000 → fee 150, 9000 → fee 450)
        JsonPath impact = Api.anonymous()
                .get("/api/sales/" + s.id() + "/impact")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(impact.getString("saleId")).isEqualTo(s.id());
        assertThat(impact.getString("currency")).isEqualTo("CNY");
        assertThat(impact.getLong("unitsSold")).isEqualTo(7);
        assertThat(impact.getLong("grossMinor")).isEqualTo(30000);
        assertThat(impact.getLong("feeMinor")).isEqualTo(1500);
        assertThat(impact.getLong("netToCooperativesMinor")).isEqualTo(28500);
        assertThat(impact.getLong("refundedMinor")).isZero();
        assertThat(impact.getList("cooperatives")).hasSize(2);
        Map<String, Object> coffee = impact.getMap(
                "cooperatives.find { it.cooperativeId == '" + s.coffee().id() + "' }");
        assertThat(coffee)
                .containsEntry("unitsSold", 3)
                .containsEntry("netMinor", 17100)
                .containsEntry("producers", 1);
        assertThat(((Number) coffee.get("hectares")).doubleValue()).isEqualTo(1.0);
        Map<String, Object> chili = impact.getMap(
                "cooperatives.find { it.cooperativeId == '" + s.chili().id() + "' }");
        assertThat(chili)
                .containsEntry("unitsSold", 4)
                .containsEntry("netMinor", 11400)
                .containsEntry("producers", 0);
        assertThat(((Number) chili.get("hectares")).doubleValue()).isZero();

        Api.anonymous()
                .get("/api/sales/" + UUID.randomUUID() + "/impact")
                .then()
                .statusCode(404);
    }

    @Test
    void theImpactSubtractsRefunds() {
        Sale s = sale();
        String order = paidOrder(s, 2, 1);
        String coffeeLine = fulfilment(s.coffee(), order)[1];
        as(s.buyer())
                .header("Idempotency-Key", Api.unique("r"))
                .body(Map.of("lines", List.of(Map.of("lineId", coffeeLine, "quantity", 1)), "reason", "broken pack"))
                .post("/api/orders/" + order + "/refunds")
                .then()
                .statusCode(201);
        // coffee 12000 (fee 600), 6000 refunded reverses 300 of the fee; chili 3000 (fee 150).
        Api.anonymous()
                .get("/api/sales/" + s.id() + "/impact")
                .then()
                .statusCode(200)
                .body("unitsSold", equalTo(2))
                .body("grossMinor", equalTo(15000))
                .body("feeMinor", equalTo(450))
                .body("refundedMinor", equalTo(6000))
                .body("netToCooperativesMinor", equalTo(8550));
    }

    @Test
    void aSaleWithNoOrdersHasAnEmptyImpact() {
        Sale s = sale();
        Api.anonymous()
                .get("/api/sales/" + s.id() + "/impact")
                .then()
                .statusCode(200)
                .body("unitsSold", equalTo(0))
                .body("grossMinor", equalTo(0))
                .body("cooperatives", hasSize(2))
                .body("cooperatives[0].netMinor", equalTo(0))
                .body("cooperatives[0].hectares", equalTo(0));
    }

    private static String producerOf(String staff, String lot) {
        return as(staff)
                .get("/api/lots/" + lot)
                .then()
                .statusCode(200)
                .extract()
                .path("inputs[0].producerId");
    }
}
