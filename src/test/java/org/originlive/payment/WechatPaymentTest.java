package org.originlive.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.WechatPaySimulator;

/**
 * Paying with WeChat Pay end to end, against a simulated WeChat Pay API v3 that checks our
 * signatures and signs (and encrypts) its own answers and notifications with keys made for the run.
 */
@QuarkusTest
class WechatPaymentTest {

    private final WechatPaySimulator wechat = WechatPaySimulator.shared();

    private record Opened(String buyer, String order, String payment, String trade) {}

    private static Opened open(String channel, Map<String, Object> extra) {
        String buyer = Api.consumer();
        String order = PaymentTest.reservedOrder(buyer);
        Map<String, Object> body = new java.util.HashMap<>(Map.of("provider", "WECHAT_PAY", "channel", channel));
        body.putAll(extra);
        String payment = PaymentTest.open(buyer, order, UUID.randomUUID().toString(), body)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return new Opened(buyer, order, payment, payment.replace("-", ""));
    }

    private static Response notify(WechatPaySimulator.Notification n) {
        return RestAssured.given()
                .headers(n.headers())
                .contentType("application/json; charset=UTF-8")
                .body(n.body())
                .post("/api/payments/callbacks/wechat-pay");
    }

    private static String status(Opened o) {
        return as(o.buyer()).get("/api/orders/" + o.order()).path("status");
    }

    @Test
    void aQrPaymentIsPaidOnlyByAVerifiedNotificationAndOnlyOnce() {
        Opened o = open("NATIVE", Map.of());
        as(o.buyer())
                .get("/api/orders/" + o.order() + "/payments")
                .then()
                .body("items[0].action.type", equalTo("QR"))
                .body("items[0].action.codeUrl", notNullValue());
        for (WechatPaySimulator.Notification bad : List.of(
                wechat.paidNotice(o.trade()).forged().build(),
                wechat.paidNotice(o.trade()).amount(1).build(),
                wechat.paidNotice(o.trade()).mchid("1900000999").build(),
                wechat.paidNotice(o.trade()).at(Instant.now().minusSeconds(600)).build(),
                wechat.paidNotice(o.trade()).otherApiV3Key().build())) {
            notify(bad).then().statusCode(400).body("code", equalTo("FAIL"));
        }
        assertThat(status(o)).isEqualTo("RESERVED");
        WechatPaySimulator.Notification paid = wechat.paidNotification(o.trade());
        notify(paid).then().statusCode(204);
        assertThat(status(o)).isEqualTo("PAID");
        notify(paid).then().statusCode(204);
        assertThat((List<Object>) as(o.buyer()).get("/api/orders/" + o.order()).path("fulfillments"))
                .hasSize(1);
    }

    @Test
    void jsapiNeedsThePayersOpenidAndGetsSignedParameters() {
        String buyer = Api.consumer();
        String order = PaymentTest.reservedOrder(buyer);
        PaymentTest.open(
                        buyer,
                        order,
                        UUID.randomUUID().toString(),
                        Map.of("provider", "WECHAT_PAY", "channel", "JSAPI"))
                .then()
                .statusCode(422);
        PaymentTest.open(
                        buyer, order, UUID.randomUUID().toString(), Map.of("provider", "WECHAT_PAY", "channel", "PAGE"))
                .then()
                .statusCode(422)
                .body("type", endsWith("/channel-unsupported"));
        Opened o = open("JSAPI", Map.of("payerOpenId", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"));
        assertThat(wechat.trade(o.trade()).orElseThrow().payerOpenId()).isEqualTo("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
        as(o.buyer())
                .get("/api/orders/" + o.order() + "/payments")
                .then()
                .body("items[0].action.type", equalTo("JSAPI"))
                .body("items[0].action.params.package", org.hamcrest.Matchers.startsWith("prepay_id="))
                .body("items[0].action.params.paySign", notNullValue());
    }

    @Test
    void switchingClosesTheEarlierTradeUnlessItWasPaidMeanwhile() {
        Opened o = open("NATIVE", Map.of());
        String second = PaymentTest.open(
                        o.buyer(),
                        o.order(),
                        UUID.randomUUID().toString(),
                        Map.of("provider", "WECHAT_PAY", "channel", "H5"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(wechat.closes(o.trade())).isEqualTo(1);
        wechat.pay(second.replace("-", ""));
        PaymentTest.open(
                        o.buyer(),
                        o.order(),
                        UUID.randomUUID().toString(),
                        Map.of("provider", "SANDBOX", "channel", "PAGE"))
                .then()
                .statusCode(409)
                .body("type", endsWith("/already-paid"));
        assertThat(status(o)).isEqualTo("PAID");
        List<String> states =
                as(o.buyer()).get("/api/orders/" + o.order() + "/payments").path("items.status");
        assertThat(states).containsExactly("SUCCEEDED", "CLOSED");
    }

    @Test
    void aRefundIsProcessingUntilWechatPaySaysItSucceeded() {
        Opened o = open("NATIVE", Map.of());
        notify(wechat.paidNotification(o.trade())).then().statusCode(204);
        String line = as(o.buyer()).get("/api/orders/" + o.order()).path("lines[0].id");
        String refund = as(o.buyer())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("lines", List.of(Map.of("lineId", line, "quantity", 2)), "reason", "Arrived broken"))
                .post("/api/orders/" + o.order() + "/refunds")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String number = refund.replace("-", "");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "PROCESSING".equals(PaymentTest.providerStatus(o.buyer(), o.order(), refund)));
        assertThat(wechat.refundRequests(number)).isEqualTo(1);
        long refunded = as(o.buyer())
                .get("/api/orders/" + o.order() + "/refunds")
                .then()
                .extract()
                .jsonPath()
                .getLong("items[0].amountMinor");
        notify(wechat.refundNotice(number, "SUCCESS").refunded(refunded + 1).build())
                .then()
                .statusCode(400)
                .body("code", equalTo("FAIL"));
        assertThat(PaymentTest.providerStatus(o.buyer(), o.order(), refund)).isEqualTo("PROCESSING");
        notify(wechat.refundNotification(number, "SUCCESS")).then().statusCode(204);
        assertThat(PaymentTest.providerStatus(o.buyer(), o.order(), refund)).isEqualTo("SUCCEEDED");
    }
}
