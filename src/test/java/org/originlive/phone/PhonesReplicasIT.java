package org.originlive.phone;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.originlive.support.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.PostgresResource;
import org.originlive.support.ProdSettings;
import org.originlive.support.Replica;
import org.originlive.support.SmsSimulator;

/**
 * Two packaged replicas on one database and one Africa's Talking simulator: every confirmed phone
 * gets exactly one SMS per fulfilment, retries included, and either replica answers USSD steps.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = PhonesReplicasIT.Sms.class, restrictToAnnotatedClass = true)
class PhonesReplicasIT {

    private static final Map<String, String> FAST = Map.of(
            "originlive.sms.retry-backoff", "200ms",
            "originlive.sms.retry-backoff-max", "400ms",
            "originlive.sms.timeout", "2s",
            "originlive.sms.hash-iterations", "1000",
            "originlive.ussd.allowed", "127.0.0.1");

    public static class Sms extends ProdSettings {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            config.putAll(new SmsSimulator().start());
            config.putAll(FAST);
            return config;
        }
    }

    @Test
    void twoReplicasSendEachSmsOnceAndEitherAnswersUssd() {
        Map<String, String> config = new HashMap<>(FAST);
        config.putAll(new SmsSimulator().start());
        config.putAll(PostgresResource.server().datasourceConfig());
        try (Replica other = Replica.start(config)) {
            String coop = Api.cooperative();
            String staff = Api.cooperativeStaff(coop);
            String steady = Phones.number();
            String flaky = Phones.number();
            Phones.confirmed(staff, coop, "en", steady, flaky);
            Phones.pin(staff, coop, steady, "2468");
            refuseOnce(flaky);
            Phones.paidOrders(coop, 4);
            await().atMost(Duration.ofSeconds(60)).until(() -> sentNewOrders(staff, coop) == 8);
            await().pollDelay(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> true);
            assertThat(SmsSimulator.sendsTo(steady)).hasSize(1 + 4);
            assertThat(SmsSimulator.sendsTo(flaky)).hasSize(1 + 4 + 1);
            assertThat(sentNewOrders(staff, coop)).isEqualTo(8);

            List<String> codes = as(staff)
                    .get("/api/cooperatives/" + coop + "/fulfillments?status=NEW")
                    .then()
                    .extract()
                    .path("items.shortCode");
            assertThat(ussd(other.port, steady, "2468*1")).contains(codes.get(0));
            assertThat(ussd(other.port, steady, "2468*2*" + codes.get(0)))
                    .isEqualTo("END Order " + codes.get(0) + " accepted.");
            assertThat(ussd(RestAssured.port, steady, "2468*2*" + codes.get(0)))
                    .contains("cannot change now (ACCEPTED)");
        }
    }

    private static String ussd(int port, String phone, String text) {
        return RestAssured.given()
                .port(port)
                .contentType("application/x-www-form-urlencoded")
                .formParam("sessionId", "ATUid_it")
                .formParam("serviceCode", "*384*1234#")
                .formParam("phoneNumber", phone)
                .formParam("text", text)
                .post("/api/ussd/callback")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static long sentNewOrders(String staff, String coop) {
        List<Map<String, Object>> items = as(staff)
                .get("/api/cooperatives/" + coop + "/alerts/sms?size=100")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        return items.stream()
                .filter(s -> "NEW_ORDER".equals(s.get("kind")) && "SENT".equals(s.get("status")))
                .count();
    }

    /** The provider refuses the first order SMS to this phone (HTTP 500), then accepts. */
    private static void refuseOnce(String phone) {
        String scenario = "refuse once " + phone;
        SmsSimulator.server()
                .stubFor(post(urlPathEqualTo("/version1/messaging"))
                        .atPriority(1)
                        .withRequestBody(containing("to=" + URLEncoder.encode(phone, StandardCharsets.UTF_8)))
                        .inScenario(scenario)
                        .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                        .willReturn(aResponse().withStatus(500))
                        .willSetStateTo("accepting"));
    }
}
