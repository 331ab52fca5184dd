package org.originlive.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.WechatPaySimulator;

/**
 * The simulator cases of the issue for WeChat Pay, end to end (as {@link AlipayPaymentTest} does
 * for Alipay): a lost notification, a timeout on create, the close before expiry (and a trade
 * found paid by it), a late payment given back in full, and refunds the provider refused, which
 * alert and are sent again under the same number. A short hold (15s), as in the Alipay profile.
 */
@QuarkusTest
@TestProfile(AlipayWiringTest.WithAlipay.class)
class WechatPayLifecycleTest {

    private static final Pattern FAILED_REFUNDS =
            Pattern.compile("(?m)^originlive_payments_refunds_failed_total\\{[^}]*kind=\"(\\w+)\"[^}]*} ([0-9.E]+)$");

    private final WechatPaySimulator wechat = WechatPaySimulator.shared();

    @Inject
    PaymentClosing closing;

    private record Opened(String buyer, String order, String payment, String trade) {}

    private static Opened openQr() {
        String buyer = Api.consumer();
        String order = PaymentTest.reservedOrder(buyer);
        String payment = PaymentTest.open(
                        buyer,
                        order,
                        UUID.randomUUID().toString(),
                        Map.of("provider", "WECHAT_PAY", "channel", "NATIVE"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return new Opened(buyer, order, payment, payment.replace("-", ""));
    }

    private static String status(Opened o) {
        return as(o.buyer()).get("/api/orders/" + o.order()).path("status");
    }

    private static String paymentStatus(Opened o) {
        return as(o.buyer()).get("/api/orders/" + o.order() + "/payments").path("items[0].status");
    }

    private static void notify(WechatPaySimulator.Notification n) {
        RestAssured.given()
                .headers(n.headers())
                .contentType("application/json; charset=UTF-8")
                .body(n.body())
                .post("/api/payments/callbacks/wechat-pay")
                .then()
                .statusCode(204);
    }

    /** originlive_payments_refunds_failed_total of that kind, as Prometheus scrapes it. */
    private static double failedRefunds(String kind) {
        Matcher m = FAILED_REFUNDS.matcher(anonymous().get("/q/metrics").asString());
        while (m.find()) {
            if (m.group(1).equals(kind)) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError("originlive_payments_refunds_failed_total{kind=\"" + kind + "\"} is not exported");
    }

    @Test
    void aLostNotificationIsSettledByOurOwnQuery() {
        Opened o = openQr();
        wechat.pay(o.trade());
        await().atMost(Duration.ofSeconds(20)).until(() -> "PAID".equals(status(o)));
        assertThat(paymentStatus(o)).isEqualTo("SUCCEEDED");
        assertThat((List<Object>) as(o.buyer()).get("/api/orders/" + o.order()).path("fulfillments"))
                .hasSize(1);
    }

    @Test
    void aTimeoutOnCreateLeavesTheOrderPayable() {
        String buyer = Api.consumer();
        String order = PaymentTest.reservedOrder(buyer);
        wechat.timeOutNextOpen();
        PaymentTest.open(
                        buyer,
                        order,
                        UUID.randomUUID().toString(),
                        Map.of("provider", "WECHAT_PAY", "channel", "NATIVE"))
                .then()
                .statusCode(503)
                .header("Retry-After", notNullValue())
                .body("type", org.hamcrest.Matchers.endsWith("/unavailable"));
        as(buyer).get("/api/orders/" + order + "/payments").then().body("items[0].status", equalTo("FAILED"));
        assertThat((String) as(buyer).get("/api/orders/" + order).path("status"))
                .isEqualTo("RESERVED");
        PaymentTest.open(
                        buyer,
                        order,
                        UUID.randomUUID().toString(),
                        Map.of("provider", "WECHAT_PAY", "channel", "NATIVE"))
                .then()
                .statusCode(201)
                .body("action.type", equalTo("QR"));
    }

    @Test
    void aPendingPaymentExpiresWithItsOrderAndItsTradeIsClosedAtWechatPay() {
        Opened o = openQr();
        Map<String, Object> payment =
                as(o.buyer()).get("/api/orders/" + o.order() + "/payments").path("items[0]");
        Instant expiresAt = Instant.parse((String) payment.get("expiresAt"));
        Instant reservedUntil =
                Instant.parse(as(o.buyer()).get("/api/orders/" + o.order()).path("reservedUntil"));
        assertThat(expiresAt).isBeforeOrEqualTo(reservedUntil);
        Instant tradeExpires = OffsetDateTime.parse(
                        wechat.trade(o.trade()).orElseThrow().timeExpire())
                .toInstant();
        assertThat(tradeExpires).isBeforeOrEqualTo(expiresAt).isAfter(expiresAt.minusSeconds(1));

        await().atMost(Duration.ofSeconds(45)).until(() -> "EXPIRED".equals(status(o)));
        assertThat(wechat.closes(o.trade())).isGreaterThanOrEqualTo(1);
        assertThat(wechat.trade(o.trade()).orElseThrow().state()).isEqualTo("CLOSED");
        assertThat(paymentStatus(o)).isEqualTo("CLOSED");
    }

    @Test
    void anUnconfirmedCloseLetsTheOrderExpireAndAPaymentAfterItIsRefundedInFull() {
        Opened o = openQr();
        // The close before expiry gets an answer WeChat Pay did not sign: not believed, so unconfirmed.
        wechat.tamperNextAnswer(WechatPaySimulator.Tamper.FORGED, o.trade() + "/close");
        await().atMost(Duration.ofSeconds(45)).until(() -> "EXPIRED".equals(status(o)));
        assertThat(wechat.closes(o.trade())).isGreaterThanOrEqualTo(1);

        wechat.pay(o.trade());
        notify(wechat.paidNotification(o.trade()));
        await().atMost(Duration.ofSeconds(20)).until(() -> "REFUNDED".equals(paymentStatus(o)));
        assertThat(status(o)).isEqualTo("EXPIRED");
        assertThat(wechat.refund("L" + o.trade()).orElseThrow().refundMinor()).isEqualTo(2500);
    }

    @Test
    void aTradeThatTheCloseBeforeExpiryFindsPaidPaysTheOrder() {
        Opened o = openQr();
        wechat.pay(o.trade());
        // Before the first query (query-after) and without a notification: only the close can tell.
        closing.beforeExpiry(List.of(UUID.fromString(o.order()))).await().atMost(Duration.ofSeconds(10));
        assertThat(wechat.closes(o.trade())).isEqualTo(1);
        assertThat(status(o)).isEqualTo("PAID");
        assertThat(paymentStatus(o)).isEqualTo("SUCCEEDED");
    }

    @Test
    void aPaymentAfterTheOrderWasCancelledIsRefundedInFullAndARefusedRefundAlertsAndIsRetried() {
        Opened o = openQr();
        as(o.buyer()).post("/api/orders/" + o.order() + "/cancel").then().statusCode(200);
        double failedBefore = failedRefunds("late");
        wechat.failNextRefund(403, "NOT_ENOUGH");
        notify(wechat.paidNotification(o.trade()));

        await().atMost(Duration.ofSeconds(20)).until(() -> "REFUNDED".equals(paymentStatus(o)));
        assertThat(status(o)).isEqualTo("CANCELLED");
        String refundNo = "L" + o.trade();
        assertThat(wechat.refundRequests(refundNo)).isEqualTo(2);
        assertThat(wechat.refund(refundNo).orElseThrow().refundMinor()).isEqualTo(2500);
        assertThat(wechat.refund(refundNo).orElseThrow().totalMinor()).isEqualTo(2500);
        assertThat(failedRefunds("late")).isEqualTo(failedBefore + 1);
    }

    @Test
    void aBuyersRefundWechatPayRefusedAlertsAndIsRetriedUnderTheSameNumberUntilTheQuerySaysSucceeded() {
        Opened o = openQr();
        notify(wechat.paidNotification(o.trade()));
        String line = as(o.buyer()).get("/api/orders/" + o.order()).path("lines[0].id");
        double failedBefore = failedRefunds("buyer");
        wechat.failNextRefund(403, "NOT_ENOUGH");
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
                .until(() -> "PROCESSING".equals(PaymentTest.providerStatus(o.buyer(), o.order(), refund)));
        assertThat(wechat.refundRequests(number)).isEqualTo(2);
        assertThat(failedRefunds("buyer")).isEqualTo(failedBefore + 1);

        // No notification: the refund query settles it.
        wechat.settleRefund(number, "SUCCESS");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "SUCCEEDED".equals(PaymentTest.providerStatus(o.buyer(), o.order(), refund)));
        assertThat(wechat.refundRequests(number)).isEqualTo(2);
        assertThat(wechat.refund(number).orElseThrow().refundMinor()).isEqualTo(1250);
    }
}
