package org.originlive.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.originlive.payment.PaymentGateway.Action;
import org.originlive.payment.PaymentGateway.GatewayException;
import org.originlive.payment.PaymentGateway.RefundOrder;
import org.originlive.payment.PaymentGateway.RefundStatus;
import org.originlive.payment.PaymentGateway.Trade;
import org.originlive.payment.PaymentGateway.TradeState;
import org.originlive.payment.PaymentGateway.TradeStatus;
import org.originlive.support.WechatPaySimulator;
import org.originlive.support.WechatPaySimulator.Tamper;
import org.originlive.support.WechatPayTestKeys;

/** The WeChat Pay gateway of the test app against the simulator: request shapes, states, refunds, failures. */
@QuarkusTest
class WechatPayGatewayTest {

    static final String NOTIFY_URL = "https://api.test.originlive.org/api/payments/callbacks/wechat-pay";
    static final Instant EXPIRES = Instant.parse("2030-01-02T03:04:05.678Z");

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
                .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        String message = params.get("appId") + "\n" + params.get("timeStamp") + "\n" + params.get("nonceStr") + "\n"
                + params.get("package") + "\n";
        assertThat(WechatPayTestKeys.verify(sim.keys().merchant.getPublic(), message, params.get("paySign")))
                .isTrue();
        assertThat(sim.trade(no).orElseThrow().payerOpenId()).isEqualTo("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
    }

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

        PaymentGateway.RefundState first = await(gateway.refund(order));
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
                .isEqualTo(new PaymentGateway.RefundState(RefundStatus.SUCCEEDED, first.providerRefundId()));
        sim.settleRefund(refundNo, "ABNORMAL");
        assertThat(await(gateway.queryRefund(no, refundNo)).status()).isEqualTo(RefundStatus.FAILED);
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
        java.nio.file.Path impostor = WechatPayTestKeys.write(
                java.nio.file.Files.createTempFile("impostor", ".pem"),
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

    private LoggedRequest last(String path) {
        List<LoggedRequest> received = sim.received(path);
        assertThat(received).as(path).isNotEmpty();
        return received.get(received.size() - 1);
    }

    static Trade trade(String no, Channel channel) {
        return new Trade(
                no,
                channel,
                1999,
                "CNY",
                "Origin Live 直播订单",
                EXPIRES,
                NOTIFY_URL,
                channel == Channel.JSAPI ? "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" : null,
                channel == Channel.H5 ? "203.0.113.7" : null);
    }

    private static Trade withNotifyUrl(Trade t, String url) {
        return new Trade(
                t.outTradeNo(),
                t.channel(),
                t.amountMinor(),
                t.currency(),
                t.description(),
                t.expiresAt(),
                url,
                t.payerOpenId(),
                t.clientIp());
    }

    private static Trade withDescription(Trade t, String description) {
        return new Trade(
                t.outTradeNo(),
                t.channel(),
                t.amountMinor(),
                t.currency(),
                description,
                t.expiresAt(),
                t.notifyUrl(),
                t.payerOpenId(),
                t.clientIp());
    }

    static String outTradeNo() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(15));
    }

    private static JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
