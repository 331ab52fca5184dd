package org.originlive.phone;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.originlive.support.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.SmsSimulator;

/** Alert phones are confirmed by a code; each new fulfilment sends exactly one SMS per confirmed phone. */
@QuarkusTest
@QuarkusTestResource(SmsSimulator.class)
class SmsAlertsTest {

    @Test
    void aPhoneCountsOnlyAfterEchoingItsOneCode() {
        String coop = Api.cooperative();
        String staff = Api.cooperativeStaff(coop);
        String phone = Phones.number();
        Phones.put(staff, coop, "fr", phone);
        String code = Phones.codeSentTo(phone);
        Map<String, String> sent = SmsSimulator.sendsTo(phone).get(0);
        assertThat(sent.get("username")).isEqualTo(SmsSimulator.USERNAME);
        assertThat(sent.get("from")).isEqualTo(SmsSimulator.SENDER);
        assertThat(sent.get("message")).contains("code Origin Live");
        as(staff)
                .get("/api/cooperatives/" + coop + "/alerts")
                .then()
                .statusCode(200)
                .body("language", equalTo("fr"))
                .body("phones[0].confirmed", equalTo(false));

        String wrong = code.equals("000000") ? "111111" : "000000";
        as(staff)
                .body(Map.of("phone", phone, "code", wrong))
                .post("/api/cooperatives/" + coop + "/alerts/verify")
                .then()
                .statusCode(422);
        as(staff)
                .body(Map.of("phone", phone, "code", code))
                .post("/api/cooperatives/" + coop + "/alerts/verify")
                .then()
                .statusCode(200)
                .body("phones[0].confirmed", equalTo(true));
        // Used codes do not work again; putting the same list again sends nothing.
        as(staff)
                .body(Map.of("phone", phone, "code", code))
                .post("/api/cooperatives/" + coop + "/alerts/verify")
                .then()
                .statusCode(422);
        Phones.put(staff, coop, "fr", phone);
        // The history never shows the code.
        String history = as(staff)
                .get("/api/cooperatives/" + coop + "/alerts/sms")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].kind", equalTo("CODE"))
                .body("items[0].status", equalTo("SENT"))
                .extract()
                .asString();
        assertThat(history).doesNotContain(code);
        assertThat(SmsSimulator.sendsTo(phone)).hasSize(1);
    }

    @Test
    void badInputIs422AndOtherCooperativesAre403() {
        String coop = Api.cooperative();
        String staff = Api.cooperativeStaff(coop);
        as(staff)
                .body(Map.of("phones", List.of("0788123456"), "language", "en"))
                .put("/api/cooperatives/" + coop + "/alerts")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://originlive.org/problems/validation"));
        as(staff)
                .body(Map.of("phones", List.of(Phones.number()), "language", "de"))
                .put("/api/cooperatives/" + coop + "/alerts")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://originlive.org/problems/unsupported-language"));
        as(staff)
                .body(Map.of("phone", Phones.number(), "pin", "12"))
                .put("/api/cooperatives/" + coop + "/alerts/pin")
                .then()
                .statusCode(422);
        String other = Api.cooperativeStaff(Api.cooperative());
        as(other).get("/api/cooperatives/" + coop + "/alerts").then().statusCode(403);
        as(other)
                .body(Map.of("phones", List.of(), "language", "en"))
                .put("/api/cooperatives/" + coop + "/alerts")
                .then()
                .statusCode(403);
        as(other).get("/api/cooperatives/" + coop + "/alerts/sms").then().statusCode(403);
        as(Api.admin()).get("/api/cooperatives/" + coop + "/alerts").then().statusCode(200);

        // A number serves one cooperative; a PIN needs a confirmed phone of this cooperative.
        String phone = Phones.number();
        Phones.put(staff, coop, "en", phone);
        String otherCoop = Api.cooperative();
        as(Api.cooperativeStaff(otherCoop))
                .body(Map.of("phones", List.of(phone), "language", "en"))
                .put("/api/cooperatives/" + otherCoop + "/alerts")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://originlive.org/problems/duplicate"));
        as(staff)
                .body(Map.of("phone", phone, "pin", "2468"))
                .put("/api/cooperatives/" + coop + "/alerts/pin")
                .then()
                .statusCode(404)
                .body("type", equalTo("https://originlive.org/problems/not-found"));
    }

    @Test
    void eachNewFulfilmentSendsOneSmsPerConfirmedPhoneRetriedWhileTheProviderFails() {
        String coop = Api.cooperative();
        String staff = Api.cooperativeStaff(coop);
        String steady = Phones.number();
        String flaky = Phones.number();
        String unconfirmed = Phones.number();
        Phones.confirmed(staff, coop, "en", steady, flaky);
        as(staff)
                .body(Map.of("phones", List.of(steady, flaky, unconfirmed), "language", "en"))
                .put("/api/cooperatives/" + coop + "/alerts")
                .then()
                .statusCode(200);
        Phones.codeSentTo(unconfirmed);
        failTwice(flaky);

        String order = Phones.paidOrder(coop, 2);
        JsonPath fulfilment = as(staff)
                .get("/api/cooperatives/" + coop + "/fulfillments")
                .then()
                .extract()
                .jsonPath();
        String shortCode = fulfilment.getString("items[0].shortCode");
        String item = fulfilment.getString("items[0].lines[0].name");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> newOrderSms(staff, coop).stream().allMatch(s -> "SENT".equals(s.get("status")))
                        && newOrderSms(staff, coop).size() == 2);
        List<Map<String, String>> toSteady = SmsSimulator.sendsTo(steady);
        List<Map<String, String>> toFlaky = SmsSimulator.sendsTo(flaky);
        assertThat(toSteady).hasSize(2); // the code, then the order
        assertThat(toFlaky).hasSize(4); // the code, then the order: refused twice, sent once
        assertThat(SmsSimulator.sendsTo(unconfirmed)).hasSize(1); // its code only
        String message = toSteady.get(1).get("message");
        assertThat(message).contains(shortCode).contains("2x " + item).contains("48 h");
        assertThat(message).doesNotContain("Li Wei").doesNotContain("Beijing").doesNotContain("5555");
        assertThat(toFlaky.get(3).get("message")).isEqualTo(message);
        Map<String, Object> flakySms = newOrderSms(staff, coop).stream()
                .filter(s -> flaky.equals(s.get("phone")))
                .findFirst()
                .orElseThrow();
        assertThat(flakySms.get("attempts")).isEqualTo(3);
        assertThat(order).isNotNull();

        // The provider reports delivery; the history shows it.
        String messageId = (String) flakySms.get("providerMessageId");
        Api.anonymous()
                .contentType("application/x-www-form-urlencoded")
                .formParam("id", messageId)
                .formParam("status", "Success")
                .formParam("phoneNumber", flaky)
                .formParam("networkCode", "63510")
                .post("/api/sms/delivery-reports")
                .then()
                .statusCode(204);
        assertThat(newOrderSms(staff, coop).stream().filter(s -> messageId.equals(s.get("providerMessageId"))))
                .singleElement()
                .satisfies(s -> assertThat(s.get("deliveryStatus")).isEqualTo("Success"));
    }

    private static List<Map<String, Object>> newOrderSms(String staff, String coop) {
        List<Map<String, Object>> items = as(staff)
                .get("/api/cooperatives/" + coop + "/alerts/sms?size=100")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        return items.stream().filter(s -> "NEW_ORDER".equals(s.get("kind"))).toList();
    }

    /** The provider answers 500, then a failed recipient (502 RejectedByGateway), then accepts. */
    private static void failTwice(String phone) {
        String scenario = "flaky " + phone;
        String to = "to=" + URLEncoder.encode(phone, StandardCharsets.UTF_8);
        var server = SmsSimulator.server();
        server.stubFor(post(urlPathEqualTo("/version1/messaging"))
                .atPriority(1)
                .withRequestBody(containing(to))
                .inScenario(scenario)
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("refused once"));
        server.stubFor(post(urlPathEqualTo("/version1/messaging"))
                .atPriority(1)
                .withRequestBody(containing(to))
                .inScenario(scenario)
                .whenScenarioStateIs("refused once")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"SMSMessageData\":{\"Message\":\"Sent to 0/1\",\"Recipients\":[{\"statusCode\":502,"
                                        + "\"number\":\"" + phone
                                        + "\",\"status\":\"RejectedByGateway\",\"cost\":\"0\","
                                        + "\"messageId\":\"None\"}]}}"))
                .willSetStateTo("accepting"));
    }
}
