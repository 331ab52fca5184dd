package org.originlive.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.WechatPaySimulator;

/**
 * Paying on the viewer page in real Chromium: a desktop scans WeChat Pay's QR code (an SVG the
 * server draws) and the page says Paid once WeChat Pay's signed notification arrives; a phone pays
 * on the sandbox's own page and comes back to Paid. Alipay has no settings here: its choice is off.
 * A screenshot of the QR code goes to docs/screenshots.
 */
@QuarkusTest
class PaymentPageBrowserTest {

    private static final Path SHOTS = Path.of("docs", "screenshots");
    private static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void chromium() {
        Browser.requireChromium();
    }

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    /** A buyer's token; they sign in on the page with the same email. */
    private record Buyer(String email, String token) {}

    private static Buyer buyer() {
        String email = Api.unique("payer") + "@example.com";
        anonymous()
                .body(Map.of("email", email, "password", Api.PASSWORD, "displayName", "Wang Fang"))
                .post("/api/auth/register")
                .then()
                .statusCode(201);
        return new Buyer(email, Api.login(email, Api.PASSWORD));
    }

    /** Opens a live sale's page, signs in, reserves one unit; returns the order's id. */
    private String reserve(Browser b, Buyer buyer) {
        String sale = Api.liveSale(Api.host(), Api.product(Api.cooperative(), 1250, 10), 5, 2);
        String item = Api.firstItem(sale);
        b.open(url("/live/" + sale));
        b.signIn(buyer.email(), Api.PASSWORD);
        b.type("#addr-name", "Wang Fang");
        b.type("#addr-line1", "1 Zhongshan Road");
        b.type("#addr-city", "Nanjing");
        b.type("#addr-country", "CN");
        b.type("#addr-phone", "+86 25 5555 0100");
        b.click("li[data-item-id='" + item + "'] button[data-buy='" + item + "']");
        b.find("#reservation-timer");
        return b.attribute("#buy", "data-order-id");
    }

    private static boolean qrShown(Browser b) {
        return Boolean.TRUE.equals(b.driver.executeScript(
                "const i = document.getElementById('pay-qr'); return !!i && i.complete && i.naturalWidth > 0;"));
    }

    private static void assertNoCspViolation(Browser b) {
        assertThat(b.consoleErrors())
                .as("no script errors or CSP violations")
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Uncaught"));
    }

    @Test
    void aDesktopScansWechatPaysQrCodeAndThePageSaysPaidOnWechatPaysWord() {
        Buyer buyer = buyer();
        try (Browser b = new Browser(1280, 1500)) {
            String order = reserve(b, buyer);
            b.click("#pay-alipay");
            b.untilText("#pay-message", "Alipay is not available here");
            assertThat(b.find("#pay-alipay").isEnabled()).isFalse();

            b.click("#pay-wechat");
            b.until(d -> qrShown(b));
            Map<String, Object> payment = as(buyer.token())
                    .get("/api/orders/" + order + "/payments")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items[0]");
            assertThat(payment)
                    .containsEntry("provider", "WECHAT_PAY")
                    .containsEntry("channel", "NATIVE")
                    .containsEntry("status", "PENDING");
            String id = (String) payment.get("id");
            assertThat(b.attribute("#pay-qr", "data-payment-id")).isEqualTo(id);
            b.untilText("#pay-message", "Waiting for the payment");
            b.screenshot(SHOTS.resolve("payment-qr.png"));

            WechatPaySimulator.Notification paid = WechatPaySimulator.shared().paidNotification(id.replace("-", ""));
            RestAssured.given()
                    .headers(paid.headers())
                    .contentType("application/json; charset=UTF-8")
                    .body(paid.body())
                    .post("/api/payments/callbacks/wechat-pay")
                    .then()
                    .statusCode(204);
            b.untilText("#order-paid", "Paid");
            assertThat((String) as(buyer.token()).get("/api/orders/" + order).path("status"))
                    .isEqualTo("PAID");
            assertNoCspViolation(b);
        }
    }

    @Test
    void aPhonePaysOnTheSandboxPageAndComesBackToPaid() {
        Buyer buyer = buyer();
        try (Browser b = new Browser(430, 1400)) {
            b.driver.executeCdpCommand("Emulation.setUserAgentOverride", Map.of("userAgent", IPHONE));
            String order = reserve(b, buyer);
            String live = b.driver.getCurrentUrl();
            b.click("#pay-sandbox");
            b.until(d -> d.getCurrentUrl().contains("/sandbox-pay.html?trade="));
            String trade = b.driver.getCurrentUrl().replaceAll(".*trade=", "");
            b.untilText("#sandbox-trade", trade);
            assertThat((String) as(buyer.token())
                            .get("/api/orders/" + order + "/payments")
                            .path("items[0].channel"))
                    .as("a phone pays on the provider's mobile page")
                    .isEqualTo("WAP");

            b.click("#sandbox-pay");
            b.until(d -> live.equals(d.getCurrentUrl()));
            b.untilText("#order-paid", "Paid");
            as(buyer.token())
                    .get("/api/orders/" + order + "/payments")
                    .then()
                    .body("items[0].status", org.hamcrest.Matchers.equalTo("SUCCEEDED"));
            assertNoCspViolation(b);
        }
    }
}
