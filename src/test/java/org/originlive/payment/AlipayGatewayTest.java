package org.originlive.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.originlive.payment.PaymentGateway.Action;
import org.originlive.payment.PaymentGateway.GatewayException;
import org.originlive.payment.PaymentGateway.Notice;
import org.originlive.payment.PaymentGateway.NoticeRejected;
import org.originlive.payment.PaymentGateway.RefundOrder;
import org.originlive.payment.PaymentGateway.RefundStatus;
import org.originlive.payment.PaymentGateway.Trade;
import org.originlive.payment.PaymentGateway.TradeState;
import org.originlive.payment.PaymentGateway.TradeStatus;
import org.originlive.support.AlipaySimulator;
import org.originlive.support.Configs;
import org.originlive.support.TestKeys;

/** The Alipay gateway against the simulated Alipay: request shapes, trade states, refunds, answers and notifications. */
class AlipayGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    static AlipaySimulator alipay;
    static Vertx vertx;
    static AlipayGateway gateway;

    @BeforeAll
    static void start() {
        alipay = AlipaySimulator.start();
        vertx = Vertx.vertx();
        gateway = gateway(alipay.settings(), Duration.ofMillis(800));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        alipay.close();
        vertx.closeAndAwait();
    }

    @Test
    void precreateSendsASignedCallAndAnswersTheQrCode() throws IOException {
        String out = number();
        Instant expires = Instant.parse("2030-01-02T03:04:05Z");
        Action action = await(gateway.open(trade(out, Channel.NATIVE, 1234, "Tea / 2 = one & more", expires)));

        assertThat(action.type()).isEqualTo("QR");
        assertThat(action.codeUrl()).startsWith("https://qr.alipay.com/");
        LoggedRequest sent = lastRequest("alipay.trade.precreate");
        Map<String, String> query = form(sent.getUrl().substring(sent.getUrl().indexOf('?') + 1));
        assertThat(query)
                .containsEntry("app_id", AlipaySimulator.APP_ID)
                .containsEntry("format", "JSON")
                .containsEntry("charset", "utf-8")
                .containsEntry("sign_type", "RSA2")
                .containsEntry("version", "1.0")
                .containsEntry("notify_url", "https://api.test.originlive.org/api/payments/callbacks/alipay")
                .containsKey("sign")
                .doesNotContainKey("biz_content");
        assertThat(query.get("timestamp")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        JsonNode biz = JSON.readTree(form(sent.getBodyAsString()).get("biz_content"));
        assertThat(biz.get("out_trade_no").asText()).isEqualTo(out);
        assertThat(biz.get("total_amount").asText()).isEqualTo("12.34");
        assertThat(biz.get("subject").asText()).isEqualTo("Tea 2 one more");
        assertThat(biz.get("time_expire").asText()).isEqualTo("2030-01-02 11:04:05");
        assertThat(biz.get("seller_id").asText()).isEqualTo(AlipaySimulator.SELLER_ID);
        assertThat(biz.get("product_code").asText()).isEqualTo("FACE_TO_FACE_PAYMENT");
    }

    @Test
    void pageAndWapAreSignedUrlsTheBrowserOpens() throws IOException {
        for (Channel channel : List.of(Channel.PAGE, Channel.WAP)) {
            String out = number();
            String method = channel == Channel.PAGE ? "alipay.trade.page.pay" : "alipay.trade.wap.pay";
            int calls = alipay.requests(method);
            Action action = await(
                    gateway.open(trade(out, channel, 1, "Honey", Instant.now().plusSeconds(900))));

            assertThat(action.type()).isEqualTo("REDIRECT");
            assertThat(action.url()).startsWith(alipay.gatewayUrl() + "?");
            assertThat(alipay.requests(method))
                    .as("nothing is sent before the browser opens it")
                    .isEqualTo(calls);
            Map<String, String> params = alipay.signedParams(action.url());
            assertThat(params).containsEntry("method", method).containsEntry("sign_type", "RSA2");
            JsonNode biz = JSON.readTree(params.get("biz_content"));
            assertThat(biz.get("out_trade_no").asText()).isEqualTo(out);
            assertThat(biz.get("total_amount").asText()).isEqualTo("0.01");
            assertThat(biz.get("product_code").asText())
                    .isEqualTo(channel == Channel.PAGE ? "FAST_INSTANT_TRADE_PAY" : "QUICK_WAP_WAY");
            assertThat(await(gateway.query(out)).status()).isEqualTo(TradeStatus.NOT_PAID);

            String tampered = action.url().replace("0.01", "0.02");
            assertThatThrownBy(() -> alipay.signedParams(tampered)).isInstanceOf(AssertionError.class);
            assertThat(alipay.openCashier(tampered)).contains("invalid-signature");
            assertThat(alipay.openCashier(action.url())).contains("cashier");
            assertThat(alipay.status(out)).isEqualTo("WAIT_BUYER_PAY");
            alipay.pay(out);
            assertThat(await(gateway.query(out)).status()).isEqualTo(TradeStatus.PAID);
        }
    }

    @Test
    void queryReadsEveryTradeState() {
        assertThat(await(gateway.query(number())).status()).as("never seen").isEqualTo(TradeStatus.NOT_PAID);
        String out = opened(1234);
        assertThat(await(gateway.query(out)).status()).as("not scanned").isEqualTo(TradeStatus.NOT_PAID);
        alipay.scan(out);
        assertThat(await(gateway.query(out)).status()).as("scanned").isEqualTo(TradeStatus.NOT_PAID);
        alipay.pay(out);
        TradeState paid = await(gateway.query(out));
        assertThat(paid.status()).isEqualTo(TradeStatus.PAID);
        assertThat(paid.transactionId()).isNotBlank();
        assertThat(paid.amountMinor()).isEqualTo(1234);
        assertThat(paid.currency()).isEqualTo("CNY");
        assertThat(paid.paidAt())
                .isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));

        await(gateway.refund(refund(out, "all_" + out, 1234)));
        assertThat(await(gateway.query(out)).status()).as("refunded in full").isEqualTo(TradeStatus.REFUNDED);

        String expired = opened(50);
        alipay.scan(expired);
        alipay.expire(expired);
        assertThat(await(gateway.query(expired)).status()).isEqualTo(TradeStatus.CLOSED);
    }

    @Test
    void closeOfAnUnscannedTradeLeavesNothingToPay() {
        String out = opened(300);
        assertThat(await(gateway.close(out)).status()).isEqualTo(TradeStatus.CLOSED);
        assertThat(alipay.closes(out)).isEqualTo(1);
        assertThatThrownBy(() -> alipay.scan(out)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeOfAnOpenTradeClosesIt() {
        String out = opened(300);
        alipay.scan(out);
        assertThat(await(gateway.close(out)).status()).isEqualTo(TradeStatus.CLOSED);
        assertThat(alipay.status(out)).isEqualTo("TRADE_CLOSED");
    }

    @Test
    void closeOfAPaidTradeSaysPaid() {
        String out = opened(300);
        alipay.pay(out);
        TradeState state = await(gateway.close(out));
        assertThat(state.status()).isEqualTo(TradeStatus.PAID);
        assertThat(state.amountMinor()).isEqualTo(300);
        assertThat(alipay.status(out)).isEqualTo("TRADE_SUCCESS");
    }

    @Test
    void aRefundNumberRefundsOnce() {
        String out = opened(1234);
        alipay.pay(out);
        String number = "r_" + out;
        assertThat(await(gateway.refund(refund(out, number, 500))).status()).isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(await(gateway.refund(refund(out, number, 500))).status()).isEqualTo(RefundStatus.SUCCEEDED);

        assertThat(alipay.refundCalls(number)).isEqualTo(2);
        assertThat(alipay.refundedFen(out)).isEqualTo(500);
        assertThat(await(gateway.queryRefund(out, number)).status()).isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(await(gateway.queryRefund(out, "never_" + out)).status()).isEqualTo(RefundStatus.FAILED);
    }

    @Test
    void aRefusedRefundFailsAndItsRetryUnderTheSameNumberSucceeds() {
        String out = opened(800);
        alipay.pay(out);
        String number = "r_" + out;
        alipay.failNextRefund();
        assertThat(await(gateway.refund(refund(out, number, 800))).status()).isEqualTo(RefundStatus.FAILED);
        assertThat(alipay.refundedFen(out)).isZero();
        assertThat(await(gateway.refund(refund(out, number, 800))).status()).isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(alipay.refundedFen(out)).isEqualTo(800);
    }

    @Test
    void aCallWithoutAnAnswerIsUnreachableAndItsRepeatMovesNoMoreMoney() {
        String out = opened(600);
        alipay.pay(out);
        String number = "r_" + out;
        alipay.timeOutNext(Duration.ofSeconds(3));
        long before = System.nanoTime();
        assertThatThrownBy(() -> await(gateway.refund(refund(out, number, 600))))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.unreachable()).isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofMillis(2500));

        assertThat(await(gateway.refund(refund(out, number, 600))).status()).isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(alipay.refundedFen(out)).isEqualTo(600);
    }

    @Test
    void aGatewayThatIsNotThereIsUnreachable() throws IOException {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> settings = new HashMap<>(alipay.settings());
        settings.put("originlive.payments.alipay.gateway-url", "http://localhost:" + closedPort + "/gateway.do");
        AlipayGateway nowhere = gateway(settings, Duration.ofMillis(800));
        try {
            assertThatThrownBy(() -> await(nowhere.query(number())))
                    .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.unreachable())
                            .isTrue());
        } finally {
            nowhere.close();
        }
    }

    @Test
    void anAnswerNotSignedByAlipayIsRefused() {
        String out = opened(100);
        alipay.pay(out);
        alipay.forgeNextAnswer();
        assertThatThrownBy(() -> await(gateway.query(out))).isInstanceOfSatisfying(GatewayException.class, e -> {
            assertThat(e.code()).isEqualTo("invalid-signature");
            assertThat(e.unreachable()).isFalse();
        });
    }

    @Test
    void aRequestNotSignedWithTheAppKeyIsRefusedByAlipay() {
        TestKeys stranger = TestKeys.writeTo(tempDir().resolve("stranger"));
        Map<String, String> settings = new HashMap<>(alipay.settings());
        settings.put("originlive.payments.alipay.private-key-location", stranger.privatePem.toString());
        AlipayGateway wrongKey = gateway(settings, Duration.ofSeconds(2));
        try {
            assertThatThrownBy(() -> await(wrongKey.open(trade(number(), Channel.NATIVE, 100, "Tea", null))))
                    .isInstanceOfSatisfying(
                            GatewayException.class, e -> assertThat(e.code()).isEqualTo("isv.invalid-signature"));
        } finally {
            wrongKey.close();
        }
    }

    @Test
    void anOutTradeNoAlipayRefusesIsNeverSent() {
        int calls = alipay.requests("alipay.trade.precreate");
        assertThatThrownBy(() -> await(gateway.open(trade("order-1", Channel.NATIVE, 100, "Tea", null))))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo("invalid-out-trade-no"));
        assertThatThrownBy(() -> await(gateway.open(trade(number(), Channel.JSAPI, 100, "Tea", null))))
                .isInstanceOf(GatewayException.class);
        assertThat(alipay.requests("alipay.trade.precreate")).isEqualTo(calls);
    }

    @Test
    void aPaidNotificationVerifies() {
        String out = opened(1234);
        Notice notice = gateway.verify(Map.of(), alipay.paidNotification(out));

        assertThat(notice.outTradeNo()).isEqualTo(out);
        assertThat(notice.isRefund()).isFalse();
        assertThat(notice.trade().status()).isEqualTo(TradeStatus.PAID);
        assertThat(notice.trade().transactionId()).isNotBlank();
        assertThat(notice.trade().amountMinor()).isEqualTo(1234);
        assertThat(notice.trade().currency()).isEqualTo("CNY");
        assertThat(notice.trade().paidAt()).isNotNull();
        assertThat(gateway.verify(Map.of(), alipay.wrongAmountNotification(out))
                        .trade()
                        .amountMinor())
                .as("the amount is the caller's to check")
                .isEqualTo(1334);
    }

    @Test
    void notificationsThatAreNotAlipaysAreRejected() {
        String out = opened(1234);
        String good = alipay.paidNotification(out);
        assertThat(List.of(
                        alipay.forgedNotification(out),
                        alipay.wrongAppIdNotification(out),
                        alipay.staleNotification(out),
                        alipay.paidNotification(out, p -> p.put("seller_id", "2088999999999999")),
                        good.replace("total_amount=12.34", "total_amount=0.01"),
                        good.replace("sign_type=RSA2", "sign_type=RSA"),
                        good + "&trade_status=TRADE_SUCCESS",
                        "",
                        "not a form"))
                .allSatisfy(body ->
                        assertThatThrownBy(() -> gateway.verify(Map.of(), body)).isInstanceOf(NoticeRejected.class));
    }

    @Test
    void refundAndCloseNotificationsVerify() {
        String out = opened(1000);
        alipay.pay(out);
        await(gateway.refund(refund(out, "part_" + out, 400)));
        Notice part = gateway.verify(Map.of(), alipay.refundNotification(out, "part_" + out));
        assertThat(part.isRefund()).isTrue();
        assertThat(part.outRefundNo()).isEqualTo("part_" + out);
        assertThat(part.refund().status()).isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(part.trade().status()).isEqualTo(TradeStatus.PAID);
        // refund_fee is the trade's refunded total: at least this refund, never less.
        assertThat(part.refund().amountMinor()).isEqualTo(400L);
        assertThat(part.refund().fits(400)).isTrue();
        assertThat(part.refund().fits(401)).isFalse();

        await(gateway.refund(refund(out, "rest_" + out, 600)));
        Notice rest = gateway.verify(Map.of(), alipay.refundNotification(out, "rest_" + out));
        assertThat(rest.outRefundNo()).isEqualTo("rest_" + out);
        assertThat(rest.trade().status()).isEqualTo(TradeStatus.REFUNDED);
        assertThat(rest.refund().amountMinor()).isEqualTo(1000L);
        assertThat(rest.refund().fits(600)).isTrue();

        String unpaid = opened(200);
        alipay.scan(unpaid);
        alipay.expire(unpaid);
        Notice closed = gateway.verify(Map.of(), alipay.closedNotification(unpaid));
        assertThat(closed.isRefund()).isFalse();
        assertThat(closed.trade().status()).isEqualTo(TradeStatus.CLOSED);
    }

    @Test
    void answersAreAlipays() {
        assertThat(gateway.answer(true, null)).isEqualTo(new PaymentGateway.Answer(200, "text/plain", "success"));
        PaymentGateway.Answer refused = gateway.answer(false, "bad signature");
        assertThat(refused.body()).isEqualTo("failure");
        assertThat(refused.contentType()).isEqualTo("text/plain");
        assertThat(refused.status()).isEqualTo(400);
    }

    @Test
    void withoutItsSettingsAlipayIsNotConfigured() {
        AlipayGateway none = gateway(Map.of(), Duration.ofSeconds(1));
        assertThat(none.configured()).isFalse();
        assertThat(none.channels()).containsExactlyInAnyOrder(Channel.NATIVE, Channel.PAGE, Channel.WAP);
        assertThatThrownBy(() -> await(none.query(number())))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo("provider-unavailable"));
        assertThatThrownBy(() -> none.verify(Map.of(), alipay.paidNotification(opened(100))))
                .isInstanceOf(NoticeRejected.class);
        assertThat(gateway(Map.of("originlive.payments.alipay.app-id", AlipaySimulator.APP_ID), Duration.ofSeconds(1))
                        .configured())
                .isFalse();
    }

    @Test
    void anUnreadableKeyFailsStartNamingItsSetting() throws IOException {
        java.nio.file.Path junk = Files.writeString(tempDir().resolve("junk.pem"), "not a key");
        Map<String, String> settings = new HashMap<>(alipay.settings());
        settings.put("originlive.payments.alipay.private-key-location", junk.toString());
        assertThatThrownBy(() -> gateway(settings, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ORIGINLIVE_PAYMENTS_ALIPAY_PRIVATE_KEY_LOCATION")
                .hasMessageNotContaining("not a key");
        settings.put("originlive.payments.alipay.public-key-location", "/nowhere/alipay.pem");
        settings.put("originlive.payments.alipay.private-key-location", alipay.appKeys.privatePem.toString());
        assertThatThrownBy(() -> gateway(settings, Duration.ofSeconds(1)))
                .hasMessageContaining("ORIGINLIVE_PAYMENTS_ALIPAY_PUBLIC_KEY_LOCATION");
    }

    static AlipayGateway gateway(Map<String, String> settings, Duration timeout) {
        String prefix = "originlive.payments.alipay.";
        Map<String, Object> values = Map.of(
                "gatewayUrl", settings.getOrDefault(prefix + "gateway-url", "https://openapi.alipay.com/gateway.do"),
                "appId", Optional.ofNullable(settings.get(prefix + "app-id")),
                "privateKeyLocation", Optional.ofNullable(settings.get(prefix + "private-key-location")),
                "publicKeyLocation", Optional.ofNullable(settings.get(prefix + "public-key-location")),
                "sellerId", Optional.ofNullable(settings.get(prefix + "seller-id")));
        return new AlipayGateway(Configs.of(AlipayConfig.class, values), timeout, vertx, Clock.systemUTC());
    }

    private static String opened(long fen) {
        String out = number();
        await(gateway.open(
                trade(out, Channel.NATIVE, fen, "Coffee 咖啡", Instant.now().plus(15, ChronoUnit.MINUTES))));
        return out;
    }

    private static Trade trade(String out, Channel channel, long fen, String description, Instant expires) {
        return new Trade(
                out,
                channel,
                fen,
                "CNY",
                description,
                expires,
                "https://api.test.originlive.org/api/payments/callbacks/alipay",
                null,
                "127.0.0.1");
    }

    private static RefundOrder refund(String out, String number, long fen) {
        return new RefundOrder(out, number, fen, fen, "CNY", "Late payment", null);
    }

    private static String number() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(WAIT);
    }

    private static LoggedRequest lastRequest(String method) {
        return alipay.server().getAllServeEvents().stream()
                .map(e -> e.getRequest())
                .filter(r -> r.getUrl().contains("method=" + method))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, String> form(String text) {
        Map<String, String> params = new HashMap<>();
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            params.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static java.nio.file.Path tempDir() {
        try {
            return Files.createTempDirectory("alipay-test");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
