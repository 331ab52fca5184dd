package org.originlive.phone;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.originlive.support.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.SmsSimulator;

/** An SMS whose fate is unknown is never sent again; replacing the list cannot pump codes. */
@QuarkusTest
@QuarkusTestResource(SmsSimulator.class)
class SmsAtMostOnceTest {

    @Test
    void aTimedOutSendIsUnknownAndNeverRepeated() {
        String coop = Api.cooperative();
        String staff = Api.cooperativeStaff(coop);
        String phone = Phones.number();
        Phones.confirmed(staff, coop, "en", phone);
        // The provider takes longer than the app's timeout (2 s in tests): it may have sent it.
        SmsSimulator.server()
                .stubFor(post(urlPathEqualTo("/version1/messaging"))
                        .atPriority(1)
                        .withRequestBody(containing("to=" + URLEncoder.encode(phone, StandardCharsets.UTF_8)))
                        .willReturn(SmsSimulator.success(phone).withFixedDelay(3000)));
        Phones.paidOrder(coop, 1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "UNKNOWN".equals(newOrder(staff, coop).get("status")));
        // Several relay and retry sweeps later it is still the one attempt.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> true);
        assertThat(newOrder(staff, coop)).containsEntry("status", "UNKNOWN").containsEntry("attempts", 1);
        assertThat(SmsSimulator.sendsTo(phone)).hasSize(2); // the code, and the one order attempt
    }

    @Test
    void replacingTheListAgainAndAgainSendsAtMostTenCodesADay() {
        String coop = Api.cooperative();
        String staff = Api.cooperativeStaff(coop);
        for (int round = 0; round < 2; round++) {
            Phones.put(
                    staff,
                    coop,
                    "en",
                    Phones.number(),
                    Phones.number(),
                    Phones.number(),
                    Phones.number(),
                    Phones.number());
        }
        as(staff)
                .body(Map.of("phones", List.of(Phones.number()), "language", "en"))
                .put("/api/cooperatives/" + coop + "/alerts")
                .then()
                .statusCode(429)
                .body("type", equalTo("https://originlive.org/problems/rate-limited"));
        // The refused list changed nothing: the last five phones stay.
        as(staff).get("/api/cooperatives/" + coop + "/alerts").then().body("phones.size()", equalTo(5));
    }

    private static Map<String, Object> newOrder(String staff, String coop) {
        List<Map<String, Object>> items = as(staff)
                .get("/api/cooperatives/" + coop + "/alerts/sms")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        return items.stream()
                .filter(s -> "NEW_ORDER".equals(s.get("kind")))
                .findFirst()
                .orElse(Map.of());
    }
}
