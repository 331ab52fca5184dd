package org.originlive.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.originlive.payment.WechatPayTrades.*;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.originlive.payment.PaymentGateway.GatewayException;
import org.originlive.payment.PaymentGateway.RefundOrder;
import org.originlive.payment.PaymentGateway.RefundStatus;
import org.originlive.payment.PaymentGateway.Trade;
import org.originlive.payment.PaymentGateway.TradeStatus;
import org.originlive.support.WechatPaySimulator;
import org.originlive.support.WechatPaySimulator.Tamper;
import org.originlive.support.WechatPayTestKeys;

/** What goes wrong with WeChat Pay, and what the gateway makes of it: refusals, spoiled answers, silence. */
@QuarkusTest
class WechatPayFailureTest {

    @Inject
    WechatPayGateway gateway;

    final WechatPaySimulator sim = WechatPaySimulator.shared();

    @Test
    void aTradeWeChatPayWouldRefuseIsNeverSent() {
        int sent = sim.requests("/v3/pay/transactions/jsapi") + sim.requests("/v3/pay/transactions/native");
        Trade noOpenId = trade(outTradeNo(), Channel.JSAPI);
        noOpenId = new Trade(noOpenId.outTradeNo(), Channel.JSAPI, 100, "CNY", "x", EXPIRES, NOTIFY_URL, null, null);
        Trade query = withNotifyUrl(trade(outTradeNo(), Channel.NATIVE), NOTIFY_URL + "?payment=1");
        Trade shortNo = trade("12345", Channel.NATIVE);
        Trade page = trade(outTradeNo(), Channel.PAGE);

        for (Trade refused : List.of(noOpenId, query, shortNo, page)) {
            assertThatThrownBy(() -> await(gateway.open(refused))).isInstanceOfSatisfying(GatewayException.class, e -> {
                assertThat(e.code()).isEqualTo("INVALID_REQUEST");
                assertThat(e.unreachable()).isFalse();
            });
        }
        assertThat(sim.requests("/v3/pay/transactions/jsapi") + sim.requests("/v3/pay/transactions/native"))
                .isEqualTo(sent);
    }

    @Test
    void aRefusedRefundIsWeChatPaysCodeAndASystemErrorLeavesItUnknown() {
        String no = paidTrade();
        RefundOrder order = new RefundOrder(no, outTradeNo(), 1999, 1999, "CNY", null, null);
        sim.failNextRefund(403, "NOT_ENOUGH");
        assertThatThrownBy(() -> await(gateway.refund(order))).isInstanceOfSatisfying(GatewayException.class, e -> {
            assertThat(e.code()).isEqualTo("NOT_ENOUGH");
            assertThat(e.unreachable()).isFalse();
        });
        sim.failNextRefund(500, "SYSTEM_ERROR");
        assertThatThrownBy(() -> await(gateway.refund(order)))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.unreachable()).isTrue());
        assertThat(await(gateway.refund(order)).status()).isEqualTo(RefundStatus.PROCESSING);
        assertThatThrownBy(() -> await(gateway.queryRefund(no, outTradeNo())))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo("RESOURCE_NOT_EXISTS"));
    }

    @Test
    void anAnswerWeChatPayDidNotSignIsNeverBelieved() {
        String no = outTradeNo();
        await(gateway.open(trade(no, Channel.NATIVE)));
        for (Tamper tamper : Tamper.values()) {
            sim.tamperNextAnswer(tamper, no);
            assertThatThrownBy(() -> await(gateway.query(no)))
                    .as(tamper.name())
                    .isInstanceOfSatisfying(
                            GatewayException.class, e -> assertThat(e.code()).isEqualTo("RESPONSE_NOT_VERIFIED"));
        }
        // An unsigned "not found" is an error, never NOT_PAID.
        String unknown = outTradeNo();
        sim.tamperNextAnswer(Tamper.UNSIGNED, unknown);
        assertThatThrownBy(() -> await(gateway.query(unknown)))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo("ORDER_NOT_EXIST"));
        sim.tamperNextAnswer(Tamper.FORGED, no);
        assertThatThrownBy(() -> await(gateway.close(no)))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo("RESPONSE_NOT_VERIFIED"));
    }

    @Test
    void aRequestSignedWithAnotherKeyIsRefusedAsWeChatPayDoes() throws Exception {
        Path impostor = WechatPayTestKeys.write(
                Files.createTempFile("impostor", ".pem"),
                "PRIVATE KEY",
                sim.keys().impostor.getPrivate().getEncoded());
        WechatPayGateway wrongKey = WechatPaySettings.simulator()
                .withPrivateKey(impostor.toString())
                .gateway();
        int failures = sim.signatureFailures();

        assertThatThrownBy(() -> await(wrongKey.query(outTradeNo())))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.code()).isEqualTo("SIGN_ERROR");
                    assertThat(e.unreachable()).isFalse();
                });
        assertThat(sim.signatureFailures()).isEqualTo(failures + 1);
    }

    @Test
    void anOpenWithoutAnswerInTimeIsUnreachableAndTheTradeMayExist() {
        String no = outTradeNo();
        sim.timeOutNextOpen();
        long start = System.nanoTime();
        assertThatThrownBy(() -> await(gateway.open(trade(no, Channel.NATIVE))))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.unreachable()).isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WechatPaySimulator.OPEN_DELAY);
        assertThat(sim.requests("/v3/pay/transactions/native")).isPositive();
        assertThat(await(gateway.query(no)).status()).isEqualTo(TradeStatus.NOT_PAID);
    }

    private String paidTrade() {
        String no = outTradeNo();
        await(gateway.open(trade(no, Channel.NATIVE)));
        sim.pay(no);
        return no;
    }
}
