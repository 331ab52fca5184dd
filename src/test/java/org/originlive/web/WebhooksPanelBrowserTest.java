package org.originlive.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.originlive.support.Api.as;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.WebhookReceiver;

/** The cooperative dashboard's Webhooks panel: add (secret shown once), see a delivery, redeliver, rotate, delete. */
@QuarkusTest
class WebhooksPanelBrowserTest {

    @TestHTTPResource("/coop")
    URL coopPage;

    @BeforeAll
    static void chromium() {
        Browser.requireChromium();
    }

    @Test
    void aManagerAddsWatchesRedeliversRotatesAndDeletesAWebhook() {
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
        WebhookReceiver receiver = WebhookReceiver.get();
        String path = "/panel/" + UUID.randomUUID();
        try (Browser page = new Browser(1280, 1400)) {
            page.open(coopPage.toString());
            page.signIn(email, Api.PASSWORD);
            page.untilText("#panel-webhooks-title", "Webhooks");
            page.type("#webhooks-url", receiver.url(path));
            page.click("#webhooks-add");
            String secret = page.attribute("#webhooks-secret-value", "textContent");
            assertThat(secret).startsWith("whsec_");
            String id = page.attribute("#webhooks tr[data-webhook-id]", "data-webhook-id");

            buy(coop);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> receiver.seen(path).size() == 1);
            page.click("button[data-deliveries='" + id + "']");
            page.find("#webhook-attempts tr[data-outcome='DELIVERED']");
            page.click("#webhook-attempts button[data-redeliver]");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> receiver.seen(path).size() == 2);
            page.click("#refresh");
            page.until(d -> d.findElements(org.openqa.selenium.By.cssSelector("#webhook-attempts tbody tr"))
                            .size()
                    == 2);

            page.click("button[data-rotate='" + id + "']");
            page.until(d -> !secret.equals(d.findElement(org.openqa.selenium.By.id("webhooks-secret-value"))
                    .getText()));
            page.click("button[data-remove='" + id + "']");
            page.acceptDialog();
            page.untilText("#webhooks-list", "No webhooks yet.");
            assertThat(page.consoleErrors())
                    .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Uncaught"));
        }
        as(Api.cooperativeStaff(coop))
                .get("/api/cooperatives/" + coop + "/webhooks")
                .then()
                .body("items", org.hamcrest.Matchers.hasSize(0));
    }

    private static void buy(String coop) {
        String product = Api.product(coop, 900, 10);
        String buyer = Api.consumer();
        String order = as(buyer)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of(
                        "items", List.of(Map.of("productId", product, "quantity", 1)),
                        "shippingAddress", Api.address()))
                .post("/api/orders")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(buyer)
                .body(Map.of("method", "sandbox"))
                .post("/api/orders/" + order + "/pay")
                .then()
                .statusCode(200);
    }
}
