package org.originlive.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.originlive.support.AlipaySimulator;
import org.originlive.support.Api;

/**
 * Paying with Alipay end to end, against a simulated Alipay gateway that signs and checks
 * signatures with keys made for the run: only a verified message or our own query pays an order.
 */
@QuarkusTest
@TestProfile(AlipayWiringTest.WithAlipay.class)
class AlipayPaymentTest {

    private final AlipaySimulator alipay = AlipaySimulator.shared();

    private record Opened(String buyer, String order, String payment, String trade) {}

    private Opened openQr() {
        String buyer = Api.consumer();
        String order = PaymentTest.reservedOrder(buyer);
        String payment = PaymentTest.open(
                        buyer, order, UUID.randomUUID().toString(), Map.of("provider", "ALIPAY", "channel", "NATIVE"))
                .then()
                .statusCode(201)
                .body("action.type", equalTo("QR"))
                .body("action.codeUrl", notNullValue())
                .extract()
                .path("id");
        return new Opened(buyer, order, payment, payment.replace("-", ""));
    }

    private static String notify(String form) {
        return RestAssured.given()
                .contentType("application/x-www-form-urlencoded; charset=utf-8")
                .body(form)
                .post("/api/payments/callbacks/alipay")
                .then()
                .extract()
                .asString();
    }

    private static String status(Opened o) {
        return as(o.buyer()).get("/api/orders/" + o.order()).path("status");
    }

    @Test
    void onlyAVerifiedNotificationPaysTheOrderAndARepeatChangesNothing() {
        Opened o = openQr();
        alipay.pay(o.trade());
        assertThat(notify(alipay.forgedNotification(o.trade()))).isEqualTo("failure");
        assertThat(notify(alipay.wrongAmountNotification(o.trade()))).isEqualTo("failure");
        assertThat(notify(alipay.wrongAppIdNotification(o.trade()))).isEqualTo("failure");
        assertThat(notify(alipay.staleNotification(o.trade()))).isEqualTo("failure");
        assertThat(status(o)).isEqualTo("RESERVED");

        String genuine = alipay.paidNotification(o.trade());
        assertThat(notify(genuine)).isEqualTo("success");
        assertThat(status(o)).isEqualTo("PAID");
        List<Object> fulfillments =
                as(o.buyer()).get("/api/orders/" + o.order()).path("fulfillments");
        assertThat(notify(genuine)).isEqualTo("success");
        assertThat((List<Object>) as(o.buyer()).get("/api/orders/" + o.order()).path("fulfillments"))
                .hasSameSizeAs(fulfillments);
        as(o.buyer())
                .get("/api/orders/" + o.order() + "/payments")
                .then()
                .body("items[0].status", equalTo("SUCCEEDED"))
                .body("items[0].amountMinor", equalTo(2500));
    }

    @Test
    void aLostNotificationIsSettledByOurOwnQuery() {
        Opened o = openQr();
        alipay.pay(o.trade());
        await().atMost(Duration.ofSeconds(20)).until(() -> "PAID".equals(status(o)));
    }

    @Test
    void aTimeoutOnCreateLeavesTheOrderPayable() {
        String buyer = Api.consumer();
        String order = PaymentTest.reservedOrder(buyer);
        alipay.timeOutNext(Duration.ofSeconds(4));
        PaymentTest.open(buyer, order, UUID.randomUUID().toString(), Map.of("provider", "ALIPAY", "channel", "NATIVE"))
                .then()
                .statusCode(503)
                .header("Retry-After", notNullValue());
        as(buyer).get("/api/orders/" + order + "/payments").then().body("items[0].status", equalTo("FAILED"));
        assertThat((String) as(buyer).get("/api/orders/" + order).path("status"))
                .isEqualTo("RESERVED");
        PaymentTest.open(buyer, order, UUID.randomUUID().toString(), Map.of("provider", "ALIPAY", "channel", "NATIVE"))
                .then()
                .statusCode(201);
    }

    @Test
    void aPageRedirectIsASignedGetAndChannelsAlipayDoesNotOfferAreRefused() {
        String buyer = Api.consumer();
        String order = PaymentTest.reservedOrder(buyer);
        String url = PaymentTest.open(
                        buyer, order, UUID.randomUUID().toString(), Map.of("provider", "ALIPAY", "channel", "PAGE"))
                .then()
                .statusCode(201)
                .body("action.type", equalTo("REDIRECT"))
                .extract()
                .path("action.url");
        assertThat(alipay.signedParams(url)).containsEntry("method", "alipay.trade.page.pay");
        PaymentTest.open(buyer, order, UUID.randomUUID().toString(), Map.of("provider", "ALIPAY", "channel", "JSAPI"))
                .then()
                .statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("/channel-unsupported"));
    }

    @Test
    void aPendingPaymentIsClosedAtAlipayBeforeItsOrderExpires() {
        Opened o = openQr();
        alipay.scan(o.trade());
        await().atMost(Duration.ofSeconds(45)).until(() -> "EXPIRED".equals(status(o)));
        assertThat(alipay.closes(o.trade())).isGreaterThanOrEqualTo(1);
        as(o.buyer()).get("/api/orders/" + o.order() + "/payments").then().body("items[0].status", equalTo("CLOSED"));
    }

    @Test
    void aPaymentThatArrivesAfterTheOrderWasCancelledIsRefundedInFull() {
        Opened o = openQr();
        alipay.scan(o.trade());
        as(o.buyer()).post("/api/orders/" + o.order() + "/cancel").then().statusCode(200);
        alipay.pay(o.trade());
        assertThat(notify(alipay.paidNotification(o.trade()))).isEqualTo("success");
        await().atMost(Duration.ofSeconds(20)).until(() -> "REFUNDED"
                .equals(as(o.buyer())
                        .get("/api/orders/" + o.order() + "/payments")
                        .path("items[0].status")));
        assertThat(status(o)).isEqualTo("CANCELLED");
        assertThat(alipay.refundCalls("L" + o.trade())).isEqualTo(1);
        assertThat(alipay.refundedFen(o.trade())).isEqualTo(2500);
    }

    @Test
    void aBuyersRefundGoesBackThroughAlipayAndAFailedOneIsRetriedUnderTheSameNumber() {
        Opened o = openQr();
        alipay.pay(o.trade());
        assertThat(notify(alipay.paidNotification(o.trade()))).isEqualTo("success");
        String line = as(o.buyer()).get("/api/orders/" + o.order()).path("lines[0].id");
        alipay.failNextRefund();
        String refund = as(o.buyer())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("lines", List.of(Map.of("lineId", line, "quantity", 1)), "reason", "Changed my mind"))
                .post("/api/orders/" + o.order() + "/refunds")
                .then()
                .statusCode(201)
                .body("status", equalTo("SUCCEEDED"))
                .extract()
                .path("id");
        String number = refund.replace("-", "");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "SUCCEEDED".equals(PaymentTest.providerStatus(o.buyer(), o.order(), refund)));
        assertThat(alipay.refundCalls(number)).isEqualTo(2);
        assertThat(alipay.refundedFen(o.trade())).isEqualTo(1250);
    }
}
