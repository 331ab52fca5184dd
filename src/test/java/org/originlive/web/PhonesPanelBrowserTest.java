package org.originlive.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.originlive.support.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.originlive.support.Api;
import org.originlive.support.SmsSimulator;

/** The cooperative dashboard's Phones panel: add a phone, confirm it with its SMS code, set the PIN, see the SMS. */
@QuarkusTest
@QuarkusTestResource(SmsSimulator.class)
class PhonesPanelBrowserTest {

    @TestHTTPResource("/coop")
    URL coopPage;

    @BeforeAll
    static void chromium() {
        Browser.requireChromium();
    }

    @Test
    void aManagerAddsConfirmsAndProtectsAPhone() {
        String coop = Api.cooperative();
        String email = Api.unique("coop") + "@example.com";
        as(Api.admin())
                .body(Map.of(
                        "email",
                        email,
                        "password",
                        Api.PASSWORD,
                        "displayName",
                        "Coop manager",
                        "role",
                        "COOPERATIVE",
                        "cooperativeId",
                        coop))
                .post("/api/admin/users")
                .then()
                .statusCode(201);
        String phone =
                "+2507" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        try (Browser page = new Browser(1280, 1000)) {
            page.open(coopPage.toString());
            page.signIn(email, Api.PASSWORD);
            page.untilText("#panel-phones-title", "Phones");
            page.type("#phones-numbers", phone);
            new Select(page.find("#phones-language")).selectByValue("fr");
            page.click("#phones-save");
            page.find("tr[data-phone='" + phone + "'][data-confirmed='false']");

            page.type("form[data-verify='" + phone + "'] input", codeSentTo(phone));
            page.click("form[data-verify='" + phone + "'] button");
            page.find("tr[data-phone='" + phone + "'][data-confirmed='true']");
            page.type("form[data-pin='" + phone + "'] input", "2468");
            page.click("form[data-pin='" + phone + "'] button");
            page.untilText("tr[data-phone='" + phone + "']", "(PIN set)");
            page.untilText("#sms tr[data-kind='CODE'][data-status='SENT']", "######");
            assertThat(page.consoleErrors())
                    .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Uncaught"));
        }
        as(Api.cooperativeStaff(coop))
                .get("/api/cooperatives/" + coop + "/alerts")
                .then()
                .body("language", org.hamcrest.Matchers.equalTo("fr"))
                .body("phones[0].confirmed", org.hamcrest.Matchers.equalTo(true))
                .body("phones[0].pinSet", org.hamcrest.Matchers.equalTo(true));
    }

    private static String codeSentTo(String phone) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !SmsSimulator.sendsTo(phone).isEmpty());
        Matcher m = Pattern.compile("\\b(\\d{6})\\b")
                .matcher(SmsSimulator.sendsTo(phone).get(0).get("message"));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
