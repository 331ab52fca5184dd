package org.originlive.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.WechatPaySimulator;

/** The QR code of a payment as an SVG image: the buyer's own PENDING payment with a code only. */
@QuarkusTest
class PaymentQrTest {

    private static String opened(String buyer, String order, String provider, String channel) {
        return PaymentTest.open(
                        buyer, order, UUID.randomUUID().toString(), Map.of("provider", provider, "channel", channel))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String qr(String order, String payment) {
        return "/api/orders/" + order + "/payments/" + payment + "/qr.svg";
    }

    @Test
    void theBuyerGetsTheCodeOfAPendingQrPaymentAsSvg() {
        String buyer = Api.consumer();
        String order = PaymentTest.reservedOrder(buyer);
        String payment = opened(buyer, order, "WECHAT_PAY", "NATIVE");
        String svg = as(buyer)
                .get(qr(order, payment))
                .then()
                .statusCode(200)
                .contentType(startsWith("image/svg+xml"))
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .extract()
                .asString();
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("<path d=\"M");
        // The code is the payment's codeUrl: the same text draws the same image.
        String codeUrl = as(buyer).get("/api/orders/" + order + "/payments").path("items[0].action.codeUrl");
        assertThat(svg).isEqualTo(PaymentQr.draw(codeUrl));
    }

    @Test
    void strangersOtherOrdersAndPaymentsWithoutACodeGet404() {
        String buyer = Api.consumer();
        String order = PaymentTest.reservedOrder(buyer);
        String payment = opened(buyer, order, "WECHAT_PAY", "NATIVE");
        as(Api.consumer()).get(qr(order, payment)).then().statusCode(404).body("type", endsWith("/not-found"));
        as(buyer).get(qr(UUID.randomUUID().toString(), payment)).then().statusCode(404);
        as(buyer).get(qr(order, UUID.randomUUID().toString())).then().statusCode(404);
        as(Api.admin()).get(qr(order, payment)).then().statusCode(403);
        Api.anonymous().get(qr(order, payment)).then().statusCode(401);
        as(buyer)
                .get("/api/orders/" + order + "/payments/not-a-uuid/qr.svg")
                .then()
                .statusCode(404);

        // The sandbox redirects: no code to draw.
        String sandbox = opened(buyer, order, "SANDBOX", "PAGE");
        as(buyer)
                .get(qr(order, sandbox))
                .then()
                .statusCode(404)
                .contentType(containsString("application/problem+json"));
        // The first payment was closed by the second: no longer PENDING, no code.
        as(buyer).get(qr(order, payment)).then().statusCode(404);
    }

    @Test
    void aPaidPaymentHasNoCodeAnyMore() {
        String buyer = Api.consumer();
        String order = PaymentTest.reservedOrder(buyer);
        String payment = opened(buyer, order, "WECHAT_PAY", "NATIVE");
        WechatPaySimulator.Notification paid = WechatPaySimulator.shared().paidNotification(payment.replace("-", ""));
        RestAssured.given()
                .headers(paid.headers())
                .contentType("application/json; charset=UTF-8")
                .body(paid.body())
                .post("/api/payments/callbacks/wechat-pay")
                .then()
                .statusCode(204);
        as(buyer).get("/api/orders/" + order).then().body("status", equalTo("PAID"));
        as(buyer).get(qr(order, payment)).then().statusCode(404);
    }
}
