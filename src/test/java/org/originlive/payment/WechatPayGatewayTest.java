package org.originlive.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originlive.payment.WechatPayTrades.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.originlive.payment.PaymentGateway.Action;
import org.originlive.payment.PaymentGateway.RefundOrder;
import org.originlive.payment.PaymentGateway.RefundState;
import org.originlive.payment.PaymentGateway.RefundStatus;
import org.originlive.payment.PaymentGateway.TradeState;
import org.originlive.payment.PaymentGateway.TradeStatus;
import org.originlive.support.WechatPaySimulator;
import org.originlive.support.WechatPayTestKeys;

/** The WeChat Pay gateway of the test app against the simulator: request shapes, actions, states, closes, refunds. */
@QuarkusTest
class WechatPayGatewayTest {

    @Inject
    WechatPayGateway gateway;

    final WechatPaySimulator sim = WechatPaySimulator.shared();

    @Test
    void aNativeTradeIsASignedOrderInFenAndItsQrCode() {
        String no = outTradeNo();
        Action action = await(gateway.open(trade(no, Channel.NATIVE)));

        assertThat(action.type()).isEqualTo("QR");
        assertThat(action.codeUrl()).isEqualTo("weixin://wxpay/bizpayurl?pr=" + no);
        WechatPaySimulator.Trade opened = sim.trade(no).orElseThrow();
        assertThat(opened.channel()).isEqualTo("NATIVE");
        assertThat(opened.area()).isEqualTo("pay");
        assertThat(opened.amountMinor()).isEqualTo(1999);
        assertThat(opened.currency()).isEqualTo("CNY");
        assertThat(opened.timeExpire()).isEqualTo("2030-01-02T11:04:05+08:00");
        assertThat(opened.notifyUrl()).isEqualTo(NOTIFY_URL);
        assertThat(opened.description()).isEqualTo("Origin Live 直播订单");
        assertThat(opened.body().path("appid").asText()).isEqualTo(WechatPaySimulator.APP_ID);
        assertThat(opened.body().path("mchid").asText()).isEqualTo(WechatPaySimulator.MCH_ID);
        assertThat(opened.body().has("trade_type")).isFalse();
        assertSignedByTheMerchant(last("/v3/pay/transactions/native"));
    }

    @Test
    void anH5TradeCarriesTheBuyersIpAndRedirectsToTheH5Url() {
        String no = outTradeNo();
        Action action = await(gateway.open(trade(no, Channel.H5)));

        assertThat(action.type()).isEqualTo("REDIRECT");
        assertThat(action.url()).startsWith("https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx" + no);
        JsonNode scene = sim.trade(no).orElseThrow().body().path("scene_info");
        assertThat(scene.path("payer_client_ip").asText()).isEqualTo("203.0.113.7");
        assertThat(scene.path("h5_info").path("type").asText()).isEqualTo("Wap");
    }

    @Test
    void aJsapiTradeAnswersParametersSignedWithTheMerchantKey() {
        String no = outTradeNo();
        Action action = await(gateway.open(trade(no, Channel.JSAPI)));

        assertThat(action.type()).isEqualTo("JSAPI");
        Map<String, String> params = action.params();
        assertThat(params)
                .containsEntry("appId", WechatPaySimulator.APP_ID)
                .containsEntry("package", "prepay_id=wx" + no)
                .containsEntry("signType", "RSA")
                .containsKeys("timeStamp", "nonceStr", "paySign");
        assertThat(Long.parseLong(params.get("timeStamp")))
                .isCloseTo(Instant.now().getEpochSecond(), Offset.offset(60L));
        String message = params.get("appId") + "\n" + params.get("timeStamp") + "\n" + params.get("nonceStr") + "\n"
                + params.get("package") + "\n";
        assertThat(WechatPayTestKeys.verify(sim.keys().merchant.getPublic(), message, params.get("paySign")))
                .isTrue();
        assertThat(sim.trade(no).orElseThrow().payerOpenId()).isEqualTo("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
    }

    @Test
    void aLongDescriptionIsCutAt127BytesOnACharacterBoundary() {
        String no = outTradeNo();
        String description = "ab" + "茶".repeat(60);
        await(gateway.open(withDescription(trade(no, Channel.NATIVE), description)));

        String sent = sim.trade(no).orElseThrow().description();
        assertThat(sent).isEqualTo("ab" + "茶".repeat(41));
        assertThat(sent.getBytes(StandardCharsets.UTF_8)).hasSize(125);
        assertThat(WechatPayRequests.description("a".repeat(125) + "😀")).isEqualTo("a".repeat(125));
        assertThat(WechatPayRequests.description("a".repeat(123) + "😀")).isEqualTo("a".repeat(123) + "😀");
        assertThat(WechatPayRequests.description("  ")).isEqualTo("Origin Live");
    }

    @Test
    void queriedStatesAreMappedAndAnUnknownTradeIsNotPaid() {
        String no = outTradeNo();
        await(gateway.open(trade(no, Channel.NATIVE)));
        assertThat(await(gateway.query(no)).status()).isEqualTo(TradeStatus.NOT_PAID);
        Map<String, TradeStatus> states = Map.of(
                "USERPAYING", TradeStatus.NOT_PAID,
                "PAYERROR", TradeStatus.CLOSED,
                "REVOKED", TradeStatus.CLOSED,
                "CLOSED", TradeStatus.CLOSED,
                "NOTPAY", TradeStatus.NOT_PAID);
        states.forEach((state, ours) -> {
            sim.setTradeState(no, state);
            assertThat(await(gateway.query(no)).status()).as(state).isEqualTo(ours);
        });

        WechatPaySimulator.Trade paid = sim.pay(no);
        TradeState state = await(gateway.query(no));
        assertThat(state.status()).isEqualTo(TradeStatus.PAID);
        assertThat(state.transactionId()).isEqualTo(paid.transactionId());
        assertThat(state.amountMinor()).isEqualTo(1999);
        assertThat(state.currency()).isEqualTo("CNY");
        assertThat(state.paidAt())
                .isCloseTo(
                        paid.successTime(),
                        org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.SECONDS));
        sim.setTradeState(no, "REFUND");
        assertThat(await(gateway.query(no)).status()).isEqualTo(TradeStatus.REFUNDED);

        assertThat(await(gateway.query(outTradeNo()))).isEqualTo(TradeState.of(TradeStatus.NOT_PAID));
    }

    @Test
    void closingAnUnpaidTradeClosesItAndAPaidOneStaysPaid() {
        String unpaid = outTradeNo();
        await(gateway.open(trade(unpaid, Channel.NATIVE)));
        assertThat(await(gateway.close(unpaid)).status()).isEqualTo(TradeStatus.CLOSED);
        assertThat(sim.trade(unpaid).orElseThrow().state()).isEqualTo("CLOSED");
        assertThat(sim.closes(unpaid)).isEqualTo(1);

        String paid = outTradeNo();
        await(gateway.open(trade(paid, Channel.NATIVE)));
        String transactionId = sim.pay(paid).transactionId();
        TradeState state = await(gateway.close(paid));
        assertThat(state.status()).isEqualTo(TradeStatus.PAID);
        assertThat(state.transactionId()).isEqualTo(transactionId);
        assertThat(sim.trade(paid).orElseThrow().state()).isEqualTo("SUCCESS");

        assertThat(await(gateway.close(outTradeNo())).status()).isEqualTo(TradeStatus.CLOSED);
    }

    @Test
    void aRefundIsProcessingUntilWeChatPaySettlesItAndARepeatRefundsOnce() {
        String no = paidTrade();
        String refundNo = outTradeNo();
        RefundOrder order = new RefundOrder(no, refundNo, 500, 1999, "CNY", "买家取消", NOTIFY_URL);

        RefundState first = await(gateway.refund(order));
        assertThat(first.status()).isEqualTo(RefundStatus.PROCESSING);
        assertThat(first.providerRefundId()).startsWith("50");
        assertThat(await(gateway.refund(order))).isEqualTo(first);
        assertThat(sim.refundRequests(refundNo)).isEqualTo(2);
        JsonNode sent = json(last("/v3/refund/domestic/refunds").getBodyAsString());
        assertThat(sent.path("amount").path("refund").asLong()).isEqualTo(500);
        assertThat(sent.path("amount").path("total").asLong()).isEqualTo(1999);
        assertThat(sent.path("amount").path("currency").asText()).isEqualTo("CNY");
        assertThat(sent.path("out_trade_no").asText()).isEqualTo(no);
        assertThat(await(gateway.query(no)).status()).isEqualTo(TradeStatus.REFUNDED);

        assertThat(await(gateway.queryRefund(no, refundNo)).status()).isEqualTo(RefundStatus.PROCESSING);
        sim.settleRefund(refundNo, "SUCCESS");
        assertThat(await(gateway.queryRefund(no, refundNo)))
                .isEqualTo(new RefundState(RefundStatus.SUCCEEDED, first.providerRefundId()));
        sim.settleRefund(refundNo, "ABNORMAL");
        assertThat(await(gateway.queryRefund(no, refundNo)).status()).isEqualTo(RefundStatus.FAILED);
    }

    private String paidTrade() {
        String no = outTradeNo();
        await(gateway.open(trade(no, Channel.NATIVE)));
        sim.pay(no);
        return no;
    }

    /** The simulator checked it already; this says the same thing in the test's own words. */
    private void assertSignedByTheMerchant(LoggedRequest request) {
        String authorization = request.getHeader("Authorization");
        assertThat(authorization).startsWith("WECHATPAY2-SHA256-RSA2048 mchid=\"" + WechatPaySimulator.MCH_ID + "\",");
        Map<String, String> token = new HashMap<>();
        Matcher m = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(authorization);
        while (m.find()) {
            token.put(m.group(1), m.group(2));
        }
        assertThat(token).containsEntry("serial_no", WechatPaySimulator.MERCHANT_SERIAL);
        assertThat(token.get("nonce_str")).hasSize(32);
        String message = "POST\n" + request.getUrl() + "\n" + token.get("timestamp") + "\n" + token.get("nonce_str")
                + "\n" + request.getBodyAsString() + "\n";
        assertThat(WechatPayTestKeys.verify(sim.keys().merchant.getPublic(), message, token.get("signature")))
                .isTrue();
        assertThat(request.getHeader("Wechatpay-Serial")).isEqualTo(WechatPaySimulator.PUBLIC_KEY_ID);
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.getHeader("User-Agent")).isNotBlank();
    }
}
