package org.originlive.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.originlive.support.Api;

/**
 * The whole sale in real browsers: a host creates and starts a sale, a viewer on a phone-sized
 * window buys and watches the stock fall, a third page sees it too, the cooperative ships it.
 * Screenshots of the three pages go to docs/screenshots.
 */
@QuarkusTest
class PagesBrowserTest {

    private static final Path SHOTS = Path.of("docs", "screenshots");
    private static final String PHOTO = "https://img.example.invalid/coffee.jpg";

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void chromium() {
        Browser.requireChromium();
    }

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    private static String staff(String role, String cooperativeId) {
        String email = Api.unique(role.toLowerCase()) + "@example.com";
        Map<String, Object> body = new HashMap<>(
                Map.of("email", email, "password", Api.PASSWORD, "displayName", "Demo " + role, "role", role));
        if (cooperativeId != null) {
            body.put("cooperativeId", cooperativeId);
        }
        as(Api.admin()).body(body).post("/api/admin/users").then().statusCode(201);
        return email;
    }

    private static String buyer() {
        String email = Api.unique("viewer") + "@example.com";
        anonymous()
                .body(Map.of("email", email, "password", Api.PASSWORD, "displayName", "Li Wei"))
                .post("/api/auth/register")
                .then()
                .statusCode(201);
        return email;
    }

    @Test
    void aWholeSaleRunsInTheBrowser() {
        String slug = Api.unique("sidama");
        String coop = Api.cooperativeWithSlug(slug);
        Map<String, Object> product = new HashMap<>(Api.productBody(Api.unique("SIDAMA"), 6800, 40));
        product.put("name", "Sidama washed arabica " + slug);
        product.put("imageUrl", PHOTO);
        String productId = as(Api.admin())
                .body(product)
                .post("/api/cooperatives/" + coop + "/products")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String hostEmail = staff("HOST", null);
        String coopEmail = staff("COOPERATIVE", coop);
        String buyerEmail = buyer();

        try (Browser host = new Browser(1280, 1000);
                Browser viewer = new Browser(430, 1400);
                Browser watcher = new Browser(1024, 900)) {
            // The host signs in, creates a sale of 5 units and starts it.
            host.open(url("/host"));
            host.signIn(hostEmail, Api.PASSWORD);
            host.type("#sale-title", "Sidama coffee live " + slug);
            // The suite's other tests leave hundreds of products: the host searches for this one.
            host.type("#product-search", slug);
            host.find("#product-rows[data-query='" + slug + "']");
            host.click("#pick-" + productId);
            host.type("tr[data-product-id='" + productId + "'] [data-f=quantity]", "5");
            host.type("tr[data-product-id='" + productId + "'] [data-f=limit]", "3");
            host.click("#create-submit");
            host.find("#manage-status");
            String sale = host.attribute("#viewer-link", "href").replaceAll(".*/live/", "");
            host.click("#start-sale");
            host.untilText("#manage-status", "Live");
            String item = Api.firstItem(sale);
            host.click("button[data-pin='" + item + "']");

            // A viewer and a third page watch; the viewer sees the pinned product with its photo.
            watcher.open(url("/live/" + sale));
            viewer.open(url("/live/" + sale));
            viewer.find("#pinned [data-image-url='" + PHOTO + "']");
            viewer.untilText("#pinned-left", "5 of 5 left");
            watcher.untilText("li[data-item-id='" + item + "']", "5 of 5 left");

            // The viewer signs in, reserves 2, pays in the sandbox; everyone sees the stock fall.
            viewer.signIn(buyerEmail, Api.PASSWORD);
            viewer.type("#addr-name", "Li Wei");
            viewer.type("#addr-line1", "88 Jianguo Road");
            viewer.type("#addr-city", "Beijing");
            viewer.type("#addr-country", "CN");
            viewer.type("#addr-phone", "+86 10 5555 0100");
            viewer.type("#qty-" + item, "2");
            viewer.click("#pinned button[data-buy='" + item + "']");
            viewer.find("#reservation-timer");
            watcher.untilText("li[data-item-id='" + item + "']", "3 of 5 left");
            // It pays in the sandbox: its page, then back to the sale.
            viewer.click("#pay-sandbox");
            viewer.click("#sandbox-pay");
            viewer.find("#order-paid");
            viewer.untilText("#pinned-left", "3 of 5 left");
            host.untilText("#manage-items li[data-item-id='" + item + "']", "3 of 5 left");

            // Chat reaches the other page; the host's numbers count the paid order.
            viewer.type("#chat-body", "Is this the washed lot?");
            viewer.click("#chat-question");
            viewer.click("#chat-form button[type=submit]");
            watcher.untilText("#chat-log", "Is this the washed lot?");
            host.untilText("#stat-orders", "1");
            host.untilText("#stat-units", "2");
            host.untilText("#recent-chat", "Is this the washed lot?");

            // The third page switches to Chinese.
            new Select(watcher.find("#lang-select")).selectByValue("zh-CN");
            watcher.untilText("#items-title", "本场商品");
            watcher.untilText("li[data-item-id='" + item + "']", "剩余 3 / 5");

            viewer.screenshot(SHOTS.resolve("viewer.png"));
            host.screenshot(SHOTS.resolve("host.png"));

            // The cooperative accepts and ships the order with a tracking number.
            host.open(url("/coop"));
            host.signIn(coopEmail, Api.PASSWORD);
            host.find("article.fulfilment[data-status='NEW']");
            host.click("article.fulfilment button[data-accept]");
            host.find("article.fulfilment[data-status='ACCEPTED']");
            String fulfilment = host.attribute("article.fulfilment", "data-fulfilment-id");
            host.type("#tracking-" + fulfilment, "SF1234567890");
            host.click("form[data-ship='" + fulfilment + "'] button[type=submit]");
            host.find("article.fulfilment[data-status='SHIPPED']");
            host.find("#earnings td[data-net]");
            // The paid order's net waits in the pending balance until delivery and the hold.
            host.untilText("#panel-balance-title", "Balance");
            assertThat(host.attribute("#balance td[data-pending]", "data-pending"))
                    .isEqualTo(host.attribute("#earnings td[data-net]", "data-net"))
                    .isNotEqualTo("0");
            host.screenshot(SHOTS.resolve("coop.png"));

            as(Api.admin())
                    .get("/api/cooperatives/" + coop + "/fulfillments")
                    .then()
                    .statusCode(200)
                    .body("items[0].status", org.hamcrest.Matchers.equalTo("SHIPPED"))
                    .body("items[0].trackingNumber", org.hamcrest.Matchers.equalTo("SF1234567890"));
            assertThat(Api.remaining(sale)).isEqualTo(3);

            for (Browser b : List.of(host, viewer, watcher)) {
                assertThat(b.consoleErrors())
                        .as("no script errors or CSP violations")
                        .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Uncaught"));
            }
        }
    }

    @Test
    void homeAndStorefrontShowSalesAndPhotos() {
        String slug = Api.unique("store");
        String coop = Api.cooperativeWithSlug(slug);
        Map<String, Object> product = new HashMap<>(Api.productBody(Api.unique("CHILI"), 3900, 10));
        product.put("imageUrl", PHOTO);
        as(Api.admin())
                .body(product)
                .post("/api/cooperatives/" + coop + "/products")
                .then()
                .statusCode(201);
        String sale = Api.liveSale(Api.host(), Api.product(coop, 100, 5), 5, 1);
        try (Browser browser = new Browser(1024, 900)) {
            browser.open(url("/"));
            // The home page lists the first live sales and storefronts; the suite leaves hundreds of
            // both, so it must show live ones and storefront links, and this storefront opens by its link.
            browser.find("section[aria-labelledby='h-home.live'] article.sale a[href^='/live/']");
            browser.find("section[aria-labelledby='h-home.stores'] a[href^='/s/']");
            browser.open(url("/s/" + slug));
            browser.untilText("h1", "Cooperative " + slug);
            browser.find("article.product [data-image-url='" + PHOTO + "']");
            browser.open(url("/s/no-such-store"));
            browser.untilText("h1", "No such storefront");
        }
    }

    @Test
    void remindMeOnAStorefrontSetsTheSignedInBuyersReminder() {
        String slug = Api.unique("remind");
        String coop = Api.cooperativeWithSlug(slug);
        String host = Api.host();
        String upcoming = Api.scheduledSale(host, Api.product(coop, 2500, 5), 5, 1);
        String live = Api.liveSale(host, Api.product(coop, 2500, 5), 5, 1);
        String email = buyer();
        try (Browser browser = new Browser(1024, 900)) {
            // The viewer's session is shared by the pages: signed in on a live page, known on the storefront.
            browser.open(url("/live/" + live));
            browser.signIn(email, Api.PASSWORD);
            browser.open(url("/s/" + slug));
            browser.click("button[data-remind='" + upcoming + "']");
            browser.untilText(
                    "#status", "We will email you when it starts (confirm your address from the email we sent).");
        }
        // The click made the reminder: setting it again is a repeat (200), not a first time (201).
        as(Api.login(email, Api.PASSWORD))
                .post("/api/sales/" + upcoming + "/reminders")
                .then()
                .statusCode(200);
    }
}
