package org.originlive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.originlive.support.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.originlive.support.AlipaySimulator;
import org.originlive.support.Api;
import org.originlive.support.ProdSettings;
import org.originlive.support.WechatPaySimulator;

/**
 * The packaged jar in prod pays with WeChat Pay and with Alipay against the simulated providers:
 * the QR trade, the signed (WeChat Pay: and encrypted) notification, the order PAID once, and a
 * refund back through the provider.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ProdSettings.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = AlipaySimulator.Resource.class, restrictToAnnotatedClass = true)
class PaymentsIT {

    @Test
    void anAlipayPaymentFromQrToRefund() {
        AlipaySimulator alipay = AlipaySimulator.shared();
        String buyer = Api.consumer();
        String sale = Api.liveSale(Api.host(), Api.product(Api.cooperative(), 1800, 50), 50, 5);
        io.restassured.response.Response placed = Api.orderFromSale(buyer, sale, Api.firstItem(sale), 2);
        String order = placed.path("id");
        int total = placed.path("totalMinor");
        String payment = as(buyer)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("provider", "ALIPAY", "channel", "NATIVE"))
                .post("/api/orders/" + order + "/payments")
                .then()
                .statusCode(201)
                .body("action.type", equalTo("QR"))
                .body("amountMinor", equalTo(total))
                .extract()
                .path("id");
        String trade = payment.replace("-", "");
        alipay.pay(trade);
        String paid = alipay.paidNotification(trade);
        for (int i = 0; i < 2; i++) {
            RestAssured.given()
                    .contentType("application/x-www-form-urlencoded; charset=utf-8")
                    .body(paid)
                    .post("/api/payments/callbacks/alipay")
                    .then()
                    .statusCode(200)
                    .body(equalTo("success"));
        }
        as(buyer).get("/api/orders/" + order).then().body("status", equalTo("PAID"));

        String line = as(buyer).get("/api/orders/" + order).path("lines[0].id");
        String refund = as(buyer)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("lines", List.of(Map.of("lineId", line, "quantity", 1)), "reason", "One too many"))
                .post("/api/orders/" + order + "/refunds")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> "SUCCEEDED"
                        .equals(as(buyer)
                                .get("/api/orders/" + order + "/refunds")
                                .path("items[0].providerStatus")));
        assertThat(alipay.refundCalls(refund.replace("-", ""))).isEqualTo(1);
        assertThat(alipay.refundedFen(trade)).isEqualTo(total / 2);
    }

    @Test
    void aWechatPayPaymentFromQrToRefund() {
        WechatPaySimulator wechat = WechatPaySimulator.shared();
        String buyer = Api.consumer();
        String sale = Api.liveSale(Api.host(), Api.product(Api.cooperative(), 1800, 50), 50, 5);
        io.restassured.response.Response placed = Api.orderFromSale(buyer, sale, Api.firstItem(sale), 2);
        String order = placed.path("id");
        int total = placed.path("totalMinor");
        String payment = as(buyer)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("provider", "WECHAT_PAY", "channel", "NATIVE"))
                .post("/api/orders/" + order + "/payments")
                .then()
                .statusCode(201)
                .body("action.type", equalTo("QR"))
                .body("amountMinor", equalTo(total))
                .extract()
                .path("id");
        String trade = payment.replace("-", "");
        assertThat(wechat.trade(trade).orElseThrow().amountMinor()).isEqualTo(total);

        WechatPaySimulator.Notification paid = wechat.paidNotification(trade);
        for (int i = 0; i < 2; i++) {
            RestAssured.given()
                    .headers(paid.headers())
                    .contentType("application/json; charset=UTF-8")
                    .body(paid.body())
                    .post("/api/payments/callbacks/wechat-pay")
                    .then()
                    .statusCode(204);
        }
        as(buyer).get("/api/orders/" + order).then().body("status", equalTo("PAID"));

        String line = as(buyer).get("/api/orders/" + order).path("lines[0].id");
        String refund = as(buyer)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("lines", List.of(Map.of("lineId", line, "quantity", 1)), "reason", "One too many"))
                .post("/api/orders/" + order + "/refunds")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String number = refund.replace("-", "");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> wechat.refundRequests(number) == 1);
        wechat.settleRefund(number, "SUCCESS");
        WechatPaySimulator.Notification refunded = wechat.refundNotification(number, "SUCCESS");
        RestAssured.given()
                .headers(refunded.headers())
                .contentType("application/json; charset=UTF-8")
                .body(refunded.body())
                .post("/api/payments/callbacks/wechat-pay")
                .then()
                .statusCode(204);
        as(buyer).get("/api/orders/" + order + "/refunds").then().body("items[0].providerStatus", equalTo("SUCCEEDED"));
        assertThat(wechat.refundRequests(number)).isEqualTo(1);
    }
}
