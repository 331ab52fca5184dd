package org.originlive.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.originlive.support.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.SmsSimulator;

/**
 * With the reminder after 1 s and the admins' alert after 3 s: each confirmed phone is reminded
 * once and the admins alerted once. And callbacks from addresses not in ORIGINLIVE_USSD_ALLOWED get 403.
 */
@QuarkusTest
@QuarkusTestResource(SmsSimulator.class)
@TestProfile(OverdueAndCallersTest.Fast.class)
class OverdueAndCallersTest {

    public static class Fast implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "originlive.sms.remind-after", "1s",
                    "originlive.sms.escalate-after", "3s",
                    "originlive.sms.overdue-every", "1s",
                    "originlive.ussd.allowed", "10.20.30.40");
        }
    }

    @Test
    void aFulfilmentStillNewIsRemindedOnceThenEscalatedOnce() {
        String coop = Api.cooperative();
        String staff = Api.cooperativeStaff(coop);
        String phone = Phones.number();
        Phones.confirmed(staff, coop, "rw", phone);
        Phones.paidOrder(coop, 1);
        String id = as(staff)
                .get("/api/cooperatives/" + coop + "/fulfillments")
                .then()
                .extract()
                .path("items[0].id");
        String shortCode = as(staff)
                .get("/api/cooperatives/" + coop + "/fulfillments")
                .then()
                .extract()
                .path("items[0].shortCode");
        String admin = Api.admin();
        await().atMost(Duration.ofSeconds(20)).until(() -> escalated(admin).contains(id));
        // Two more sweeps change nothing: one reminder per phone, one alert.
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(escalated(admin).stream().filter(id::equals)).hasSize(1);
        List<Map<String, String>> sent = SmsSimulator.sendsTo(phone);
        assertThat(sent).hasSize(3); // code, new order, reminder
        assertThat(sent.get(1).get("message")).contains("komande nshya " + shortCode);
        assertThat(sent.get(2).get("message")).contains("komande " + shortCode + " iracyategereje");
        String metrics = Api.anonymous().get("/q/metrics").then().extract().asString();
        assertThat(metrics).containsPattern("originlive_fulfillments_overdue_total(\\{[^}]*\\})? [1-9]");
        as(staff).get("/api/admin/overdue-fulfillments").then().statusCode(403);
    }

    private static List<String> escalated(String admin) {
        return as(admin)
                .get("/api/admin/overdue-fulfillments?size=100")
                .then()
                .statusCode(200)
                .extract()
                .path("items.fulfillmentId");
    }

    @Test
    void callbacksFromOtherAddressesAre403() {
        Api.anonymous()
                .contentType("application/x-www-form-urlencoded")
                .formParam("sessionId", "ATUid_1")
                .formParam("serviceCode", "*384*1234#")
                .formParam("phoneNumber", Phones.number())
                .formParam("text", "")
                .post("/api/ussd/callback")
                .then()
                .statusCode(403);
        Api.anonymous()
                .contentType("application/x-www-form-urlencoded")
                .formParam("id", "ATXid_1")
                .formParam("status", "Success")
                .post("/api/sms/delivery-reports")
                .then()
                .statusCode(403);
    }
}
