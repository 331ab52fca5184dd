package org.originlive.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.originlive.media.MediaEngine;
import org.originlive.support.Api;
import org.originlive.support.Publisher;

/**
 * An ENDED sale's page in real Chromium: a real replay (ffmpeg's test pattern, two pins) plays
 * with a chapter button per pin, a chapter's button seeks to its pin, and Buy buys that
 * chapter's product from the storefront with the replay's position as the order's source; a sale
 * with nothing published says there is no replay. A screenshot goes to docs/screenshots.
 */
@QuarkusTest
class ReplayPageBrowserTest {

    private static final Path SHOTS = Path.of("docs", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    // Records what the page sends to POST /api/orders and what it gets back (the test's own hook).
    private static final String RECORD_ORDERS =
            """
            window.sentOrders = [];
            const send = window.fetch;
            window.fetch = async (path, init) => {
              const response = await send(path, init);
              if (String(path) === '/api/orders' && init && init.method === 'POST') {
                window.sentOrders.push({ body: init.body, key: init.headers['Idempotency-Key'],
                  status: response.status, answer: await response.clone().text() });
              }
              return response;
            };""";

    @TestHTTPResource("/")
    URL root;

    @Inject
    MediaEngine engine;

    @BeforeAll
    static void chromium() {
        Browser.requireChromium();
    }

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    private static JsonPath replay(String sale) {
        return anonymous()
                .get("/api/sales/" + sale + "/replay")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String product(String coop, String name, long priceMinor) {
        Map<String, Object> body = new HashMap<>(Api.productBody(Api.unique("SKU"), priceMinor, 10));
        body.put("name", name);
        return as(Api.admin())
                .body(body)
                .post("/api/cooperatives/" + coop + "/products")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String liveSale(String host, String... products) {
        Instant start = Instant.now().plusSeconds(3600);
        Object[] items = java.util.Arrays.stream(products)
                .map(p -> Api.saleItem(p, 4900, 5, 2))
                .toArray();
        String sale = as(host).body(Api.saleBody(start, start.plusSeconds(3600), items))
                .post("/api/sales")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(host).post("/api/sales/" + sale + "/start").then().statusCode(200);
        return sale;
    }

    private static String itemOf(String sale, String product) {
        return anonymous()
                .get("/api/sales/" + sale)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("items.find { it.productId == '" + product + "' }.id");
    }

    private static JsonPath stream(String host, String sale) {
        return as(host).get("/api/sales/" + sale + "/stream")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static void until(Instant moment) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Instant.now().isAfter(moment));
    }

    private static String buyer() {
        String email = Api.unique("replay-buyer") + "@example.com";
        anonymous()
                .body(Map.of("email", email, "password", Api.PASSWORD, "displayName", "Zhang Min"))
                .post("/api/auth/register")
                .then()
                .statusCode(201);
        return email;
    }

    private static double currentTime(Browser b) {
        return ((Number) b.driver.executeScript("return document.getElementById('player').currentTime")).doubleValue();
    }

    private static void assertNoCspViolation(Browser b) {
        assertThat(b.consoleErrors())
                .as("no script errors or CSP violations")
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Uncaught"));
    }

    /** A sale shown for 14 s with the first product pinned at 2 s and the second at 8 s, then ended. */
    private String showAndEnd(String host, String first, String second) {
        String sale = liveSale(host, first, second);
        JsonPath settings = stream(host, sale);
        try (Publisher obs = Publisher.start(settings.getString("ingestUrl"), settings.getString("streamKey"))) {
            await().atMost(WAIT).until(() -> "LIVE".equals(stream(host, sale).getString("status")));
            Instant live = Instant.parse(stream(host, sale).getString("startedAt"));
            until(live.plusSeconds(2));
            as(host).body(Map.of("itemId", itemOf(sale, first)))
                    .post("/api/sales/" + sale + "/pin")
                    .then()
                    .statusCode(200);
            until(live.plusSeconds(8));
            as(host).body(Map.of("itemId", itemOf(sale, second)))
                    .post("/api/sales/" + sale + "/pin")
                    .then()
                    .statusCode(200);
            until(live.plusSeconds(14));
            as(host).post("/api/sales/" + sale + "/end").then().statusCode(200);
            await().atMost(WAIT).until(() -> !obs.running());
        }
        return sale;
    }

    @Test
    void theReplayPlaysWithChaptersAndBuysTheChaptersProductWithItsPosition() {
        Publisher.requireVideoTools();
        await().atMost(WAIT).until(engine::available);
        String host = Api.host();
        String coop = Api.cooperative();
        String first = product(coop, "Kivu forest honey", 3500);
        String second = product(coop, "Huye washed coffee", 6800);
        String sale = showAndEnd(host, first, second);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> "READY".equals(replay(sale).getString("status")));
        JsonPath ready = replay(sale);
        double secondAt = ready.getDouble("chapters[1].atSeconds");
        int clips = anonymous()
                .get("/api/sales/" + sale + "/highlights")
                .then()
                .statusCode(200)
                .extract()
                .path("items.size()");
        String email = buyer();

        try (Browser b = new Browser(1280, 1400)) {
            b.open(url("/live/" + sale));
            b.signIn(email, Api.PASSWORD);
            b.find("#screen[data-replay='READY']");
            b.until(d -> currentTime(b) > 0.5);

            List<WebElement> chapters = b.until(d -> {
                List<WebElement> found = d.findElements(By.cssSelector("#chapters button[data-chapter]"));
                return found.size() == 2 ? found : null;
            });
            assertThat(chapters.get(0).getText()).contains("Kivu forest honey");
            assertThat(chapters.get(1).getText()).contains("Huye washed coffee");
            assertThat(b.driver.findElements(By.cssSelector("#highlights video")))
                    .as("one clip per pin of 5 s or more")
                    .hasSize(clips);

            b.driver.executeScript("window.seeks = [];"
                    + " const v = document.getElementById('player');"
                    + " v.addEventListener('seeked', () => window.seeks.push(v.currentTime));");
            b.click("#chapters button[data-chapter='1']");
            b.until(d -> ((List<?>) b.driver.executeScript("return window.seeks"))
                    .stream().anyMatch(t -> Math.abs(((Number) t).doubleValue() - secondAt) <= 1.5));
            b.until(d -> currentTime(b) > secondAt + 0.5);
            assertThat(b.attribute("#chapters button[data-chapter='1']", "aria-pressed"))
                    .isEqualTo("true");
            b.untilText("#replay-product-title", "Huye washed coffee");
            b.screenshot(SHOTS.resolve("replay.png"));

            b.type("#addr-name", "Zhang Min");
            b.type("#addr-line1", "5 Huaihai Road");
            b.type("#addr-city", "Shanghai");
            b.type("#addr-country", "CN");
            b.type("#addr-phone", "+86 21 5555 0100");
            b.driver.executeScript(RECORD_ORDERS);
            b.click("#replay-buy[data-product-id='" + second + "']");
            Map<?, ?> sent = b.until(d -> {
                List<?> orders = (List<?>) b.driver.executeScript("return window.sentOrders");
                return orders.isEmpty() ? null : (Map<?, ?>) orders.get(0);
            });
            assertNoCspViolation(b);

            JsonPath body = JsonPath.from((String) sent.get("body"));
            assertThat((String) sent.get("key")).as("Idempotency-Key").isNotBlank();
            assertThat(body.getString("items[0].productId")).isEqualTo(second);
            assertThat(body.getInt("items[0].quantity")).isEqualTo(1);
            assertThat(body.getString("source.saleId")).isEqualTo(sale);
            double atSeconds = body.getDouble("source.atSeconds");
            assertThat(atSeconds)
                    .as("where the replay was when Buy was pressed")
                    .isBetween(secondAt - 1.5, ready.getDouble("durationSeconds") + 0.5);
            assertThat(atSeconds * 10).as("a tenth of a second").isCloseTo(Math.rint(atSeconds * 10), within(1e-6));

            int status = ((Number) sent.get("status")).intValue();
            assertThat(status)
                    .as("the order is created: %s", sent.get("answer"))
                    .isEqualTo(201);
            String order = JsonPath.from((String) sent.get("answer")).getString("id");
            b.find("#reservation-timer");
            b.find("#pay-sandbox");
            assertThat(b.attribute("#buy", "data-order-id")).isEqualTo(order);

            JsonPath mine = as(Api.login(email, Api.PASSWORD))
                    .get("/api/orders")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            Map<String, Object> bought = mine.getMap("items.find { it.id == '" + order + "' }");
            assertThat(bought).as("GET /api/orders shows it").isNotNull();
            assertThat(mine.getString("items.find { it.id == '" + order + "' }.lines[0].productId"))
                    .isEqualTo(second);
            assertThat(mine.getString("items.find { it.id == '" + order + "' }.source.saleId"))
                    .isEqualTo(sale);
            assertThat(mine.getDouble("items.find { it.id == '" + order + "' }.source.atSeconds"))
                    .isCloseTo(atSeconds, within(0.001));
        }
    }

    @Test
    void anEndedSaleWithNothingPublishedSaysThereIsNoReplay() {
        String host = Api.host();
        String sale = liveSale(host, product(Api.cooperative(), "Nyungwe black tea", 2500));
        as(host).post("/api/sales/" + sale + "/end").then().statusCode(200);
        assertThat(replay(sale).getString("status")).isEqualTo("NONE");

        try (Browser b = new Browser(430, 932)) {
            b.open(url("/live/" + sale));
            b.find("#screen[data-replay='NONE']");
            b.untilText("#video-message", "No replay for this sale.");
            assertThat(b.find("#chapters").isDisplayed()).isFalse();
            assertThat(b.find("#replay-product").isDisplayed()).isFalse();
            assertThat(b.find("#highlights").isDisplayed()).isFalse();
            assertThat(b.present("#items button[data-buy]"))
                    .as("nothing to buy from the ended sale's stock")
                    .isFalse();
            assertNoCspViolation(b);
        }
    }
}
