package org.originlive.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originlive.support.Api.as;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.Publisher;

/**
 * The live video in real Chromium: a phone plays the host's stream in the viewer page (muted
 * autoplay, the featured product and Buy under it), says the host will be back when the encoder
 * stops and plays again when it returns; the host console shows server, hidden key, health and a
 * preview. Screenshots go to docs/screenshots.
 */
@QuarkusTest
class LiveVideoBrowserTest {

    private static final Path SHOTS = Path.of("docs", "screenshots");

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void tools() {
        Browser.requireChromium();
        Publisher.requireVideoTools();
    }

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    private static double currentTime(Browser browser, String videoId) {
        Object time = browser.driver.executeScript(
                "const v = document.getElementById(arguments[0]); return v ? v.currentTime : 0;", videoId);
        return ((Number) time).doubleValue();
    }

    private static void untilPlayedPast(Browser browser, String videoId, double seconds) {
        browser.until(d -> currentTime(browser, videoId) > seconds);
    }

    @Test
    void aPhonePlaysTheHostsStreamAndTheHostSeesItsPreview() {
        String coop = Api.cooperative();
        Map<String, Object> body = new HashMap<>(Api.productBody(Api.unique("COFFEE"), 6800, 20));
        body.put("name", "Huye Mountain washed coffee");
        String product = as(Api.admin())
                .body(body)
                .post("/api/cooperatives/" + coop + "/products")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String hostEmail = Api.unique("host") + "@example.com";
        as(Api.admin())
                .body(Map.of("email", hostEmail, "password", Api.PASSWORD, "displayName", "Demo host", "role", "HOST"))
                .post("/api/admin/users")
                .then()
                .statusCode(201);
        String host = Api.login(hostEmail, Api.PASSWORD);
        String sale = Api.liveSale(host, product, 10, 2);
        as(host).body(Map.of("itemId", Api.firstItem(sale)))
                .post("/api/sales/" + sale + "/pin")
                .then()
                .statusCode(200);
        JsonPath stream = as(host).get("/api/sales/" + sale + "/stream")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        try (Browser phone = new Browser(430, 932);
                Browser console = new Browser(1280, 1000)) {
            phone.open(url("/live/" + sale));
            phone.untilText("#video-message", "The host will be live soon");

            try (Publisher obs = Publisher.start(stream.getString("ingestUrl"), stream.getString("streamKey"))) {
                phone.find("#screen[data-video='LIVE']");
                untilPlayedPast(phone, "player", 2.0);
                assertThat((Boolean) phone.driver.executeScript("return document.getElementById('player').muted"))
                        .as("autoplay starts muted")
                        .isTrue();
                assertThat(phone.driver
                                .findElement(org.openqa.selenium.By.id("unmute"))
                                .isDisplayed())
                        .isTrue();
                phone.find("#pinned button[data-buy]");
                phone.screenshot(SHOTS.resolve("live-video.png"));

                console.open(url("/host"));
                console.signIn(hostEmail, Api.PASSWORD);
                console.click("button[data-manage='" + sale + "']");
                console.untilText("#video-status", "Live");
                assertThat(console.attribute("#stream-key", "type")).isEqualTo("password");
                assertThat(console.attribute("#stream-server", "value")).isEqualTo(stream.getString("ingestUrl"));
                console.click("#stream-key-show");
                assertThat(console.attribute("#stream-key", "type")).isEqualTo("text");
                assertThat(console.attribute("#stream-key", "value")).isEqualTo(stream.getString("streamKey"));
                console.untilText("#video-health", "640×360");
                untilPlayedPast(console, "preview", 1.0);
                console.driver.executeScript("document.getElementById('stream').scrollIntoView()");

                // The encoder stops: the phone says so; it comes back: the phone plays again.
                obs.stop();
                phone.untilText("#video-message", "The host will be live soon");
            }
            try (Publisher again = Publisher.start(stream.getString("ingestUrl"), stream.getString("streamKey"))) {
                phone.find("#screen[data-video='LIVE']");
                untilPlayedPast(phone, "player", 1.0);
            }
            for (Browser b : List.of(phone, console)) {
                assertThat(b.consoleErrors())
                        .as("no script errors or CSP violations")
                        .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Uncaught"));
            }
        }
    }
}
