package org.originlive.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Purchase;

/** A shipped parcel delivers itself; the hold counts from delivery; the refund window closes. */
@QuarkusTest
@TestProfile(HoldAndDeliveryTest.Settings.class)
class HoldAndDeliveryTest {

    public static class Settings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "originlive.payouts.hold", "1h",
                    "originlive.fulfillment.auto-deliver", "0s",
                    "originlive.fulfillment.refund-window", "0s");
        }
    }

    @Test
    void aShippedParcelDeliversItselfAndItsMoneyStaysPendingForTheHold() {
        Purchase p = Purchase.paid(2000, 1, 1000, 1);
        String f = p.fulfillmentOf(p.coopA());
        as(p.staffA()).post("/api/fulfillments/" + f + "/accept").then().statusCode(200);
        as(p.staffA())
                .body(Map.of("carrier", "EMS", "trackingNumber", "EE123456789CN"))
                .post("/api/fulfillments/" + f + "/ship")
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(p.buyer())
                .get("/api/orders/" + p.order())
                .then()
                .body("fulfillments.find { it.id == '" + f + "' }.status", equalTo("DELIVERED")));
        // The hold (1 h) counts from delivery: several sweeps later the money is still pending.
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(Purchase.balance(p.coopA())).containsExactly(1900, 0, 0, 0));
        p.refund(p.productA(), 1).then().statusCode(422).body("type", endsWith("/refund-window-closed"));
    }
}
