package org.originlive.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originlive.payment.WechatPayTrades.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.originlive.payment.PaymentGateway.RefundOrder;
import org.originlive.payment.PaymentGateway.RefundStatus;
import org.originlive.payment.PaymentGateway.TradeStatus;
import org.originlive.support.WechatPaySimulator;

/** ORIGINLIVE_PAYMENTS_WECHAT_PAY_MODE=global: the cross-border paths and body shapes, on a gateway of its own. */
@QuarkusTest
class WechatPayGlobalTest {

    final WechatPaySimulator sim = WechatPaySimulator.shared();

    @Test
    void globalModeUsesTheCrossBorderPathsAndShapes() {
        WechatPayGateway global = WechatPaySettings.simulator()
                .withMode(WechatPayConfig.Mode.GLOBAL)
                .gateway();
        String no = outTradeNo();
        assertThat(await(global.open(trade(no, Channel.NATIVE))).codeUrl()).endsWith(no);
        JsonNode sent = sim.trade(no).orElseThrow().body();
        assertThat(sim.trade(no).orElseThrow().area()).isEqualTo("global");
        assertThat(sent.path("trade_type").asText()).isEqualTo("NATIVE");
        assertThat(sent.path("merchant_category_code").asText()).isEqualTo("5999");
        assertThat(sent.path("appid").asText()).isEqualTo(WechatPaySimulator.APP_ID);
        String h5 = outTradeNo();
        assertThat(await(global.open(trade(h5, Channel.H5))).type()).isEqualTo("REDIRECT");
        assertThat(sim.trade(h5).orElseThrow().body().path("trade_type").asText())
                .isEqualTo("MWEB");
        assertThat(sim.requests("/v3/global/transactions/mweb")).isPositive();

        sim.pay(no);
        assertThat(await(global.query(no)).status()).isEqualTo(TradeStatus.PAID);
        assertThat(last("/v3/global/transactions/out-trade-no/" + no).getUrl())
                .endsWith("?mchid=" + WechatPaySimulator.MCH_ID);
        String refundNo = outTradeNo();
        await(global.refund(new RefundOrder(no, refundNo, 1999, 1999, "CNY", "late", null)));
        JsonNode refund = json(last("/v3/global/refunds").getBodyAsString());
        assertThat(refund.path("mchid").asText()).isEqualTo(WechatPaySimulator.MCH_ID);
        assertThat(refund.path("appid").asText()).isEqualTo(WechatPaySimulator.APP_ID);
        assertThat(await(global.queryRefund(no, refundNo)).status()).isEqualTo(RefundStatus.PROCESSING);
        assertThat(sim.requests("/v3/global/refunds/out-refund-no/" + refundNo)).isEqualTo(1);
        assertThat(await(global.close(h5)).status()).isEqualTo(TradeStatus.CLOSED);
        assertThat(sim.requests("/v3/global/transactions/out-trade-no/" + h5 + "/close"))
                .isEqualTo(1);
    }
}
