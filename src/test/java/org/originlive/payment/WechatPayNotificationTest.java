package org.originlive.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.originlive.payment.WechatPayTrades.await;
import static org.originlive.payment.WechatPayTrades.outTradeNo;
import static org.originlive.payment.WechatPayTrades.trade;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.payment.PaymentGateway.Answer;
import org.originlive.payment.PaymentGateway.Notice;
import org.originlive.payment.PaymentGateway.NoticeRejected;
import org.originlive.payment.PaymentGateway.RefundOrder;
import org.originlive.payment.PaymentGateway.RefundState;
import org.originlive.payment.PaymentGateway.RefundStatus;
import org.originlive.payment.PaymentGateway.TradeStatus;
import org.originlive.support.WechatPaySimulator;
import org.originlive.support.WechatPaySimulator.Notification;

/** WeChat Pay's notifications as the simulator sends them: read when genuine, refused otherwise. */
@QuarkusTest
class WechatPayNotificationTest {

    @Inject
    WechatPayGateway gateway;

    final WechatPaySimulator sim = WechatPaySimulator.shared();

    @Test
    void aPaidNotificationDecryptsToThePaidTrade() {
        String no = opened();
        Notification notification = sim.paidNotification(no);
        WechatPaySimulator.Trade paid = sim.trade(no).orElseThrow();

        Notice notice = gateway.verify(notification.headers(), notification.body());
        assertThat(notice.isRefund()).isFalse();
        assertThat(notice.outTradeNo()).isEqualTo(no);
        assertThat(notice.trade().status()).isEqualTo(TradeStatus.PAID);
        assertThat(notice.trade().transactionId()).isEqualTo(paid.transactionId());
        assertThat(notice.trade().amountMinor()).isEqualTo(1999);
        assertThat(notice.trade().currency()).isEqualTo("CNY");
        assertThat(notice.trade().paidAt()).isBetween(paid.successTime().minusSeconds(1), paid.successTime());
    }

    @Test
    void headerNamesAreReadInAnyCase() {
        Notification notification = sim.paidNotification(opened());
        Map<String, String> lower = new HashMap<>();
        notification.headers().forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        Map<String, String> upper = new HashMap<>();
        notification.headers().forEach((name, value) -> upper.put(name.toUpperCase(Locale.ROOT), value));

        assertThat(gateway.verify(lower, notification.body()).trade().status()).isEqualTo(TradeStatus.PAID);
        assertThat(gateway.verify(upper, notification.body()).trade().status()).isEqualTo(TradeStatus.PAID);
    }

    @Test
    void anotherAmountIsReadAsSentForTheCallerToCompare() {
        Notice notice = verify(sim.paidNotice(opened()).amount(1).build());
        assertThat(notice.trade().amountMinor()).isEqualTo(1);
    }

    @Test
    void forgedStaleOrForeignNotificationsAreRejected() {
        String no = opened();
        Instant now = Instant.now();
        Map<String, Notification> refused = Map.of(
                "forged signature", sim.paidNotice(no).forged().build(),
                "stale timestamp",
                        sim.paidNotice(no).at(now.minus(Duration.ofMinutes(6))).build(),
                "future timestamp",
                        sim.paidNotice(no).at(now.plus(Duration.ofMinutes(6))).build(),
                "another merchant", sim.paidNotice(no).mchid("1900000999").build(),
                "another app", sim.paidNotice(no).appid("wx0000000000000000").build(),
                "another API v3 key", sim.paidNotice(no).otherApiV3Key().build(),
                "another WeChat Pay key id",
                        sim.paidNotice(no).serial("PUB_KEY_ID_OTHER").build());
        refused.forEach((why, notification) ->
                assertThatThrownBy(() -> verify(notification)).as(why).isInstanceOf(NoticeRejected.class));

        Notification good = sim.paidNotification(no);
        assertThatThrownBy(() -> gateway.verify(good.headers(), good.body().replace("TRANSACTION", "TRANSACTIOM")))
                .isInstanceOf(NoticeRejected.class);
        Map<String, String> unsigned = new HashMap<>(good.headers());
        unsigned.remove("Wechatpay-Signature");
        assertThatThrownBy(() -> gateway.verify(unsigned, good.body())).isInstanceOf(NoticeRejected.class);
        assertThat(sim.paidNotice(no).at(now.minus(Duration.ofMinutes(4))).build())
                .satisfies(recent -> assertThat(verify(recent).trade().status()).isEqualTo(TradeStatus.PAID));
    }

    @Test
    void refundNotificationsCarryTheRefundsState() {
        String no = opened();
        sim.pay(no);
        Map<String, RefundStatus> outcomes = Map.of(
                "SUCCESS", RefundStatus.SUCCEEDED, "ABNORMAL", RefundStatus.FAILED, "CLOSED", RefundStatus.FAILED);
        outcomes.forEach((status, ours) -> {
            String refundNo = outTradeNo();
            var state = await(gateway.refund(new RefundOrder(no, refundNo, 100, 1999, "CNY", "test", null)));
            Notice notice = verify(sim.refundNotification(refundNo, status));
            assertThat(notice.isRefund()).isTrue();
            assertThat(notice.outTradeNo()).isEqualTo(no);
            assertThat(notice.outRefundNo()).isEqualTo(refundNo);
            assertThat(notice.refund()).isEqualTo(new RefundState(ours, state.providerRefundId(), 100L, false));
        });
    }

    @Test
    void answersAreInWeChatPaysFormat() {
        Answer accepted = gateway.answer(true, null);
        assertThat(accepted.status()).isEqualTo(204);
        assertThat(accepted.body()).isNull();

        Answer refused = gateway.answer(false, "signature \"bad\"");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).isEqualTo("application/json");
        assertThat(refused.body()).isEqualTo("{\"code\":\"FAIL\",\"message\":\"signature \\\"bad\\\"\"}");
    }

    private Notice verify(Notification notification) {
        return gateway.verify(notification.headers(), notification.body());
    }

    private String opened() {
        String no = outTradeNo();
        await(gateway.open(trade(no, Channel.NATIVE)));
        return no;
    }
}
