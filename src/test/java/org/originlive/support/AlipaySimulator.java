package org.originlive.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A simulated Alipay Open Platform gateway on WireMock, for the Alipay gateway's tests and the
 * payment end-to-end tests. {@link #shared()} (or {@code @QuarkusTestResource(AlipaySimulator.Resource.class)},
 * whose settings are {@link #settings()}) for Quarkus tests; {@link #start()} for a private one.
 *
 * <p>Keys are made here: the app's pair (the app signs with its private half) and "Alipay's" pair
 * (the simulator signs answers and notifications), written as PEM files in a temp folder.
 * <ul>
 *   <li>Calls: every {@code POST /gateway.do} is checked for the app's RSA2 signature (a bad one is
 *       answered {@code 40002 isv.invalid-signature}) and answered as Alipay: JSON with
 *       {@code Content-Type: text/html;charset=utf-8}, signed. precreate, query, close, refund,
 *       fastpay.refund.query keep per-trade state. A {@code GET} of a page or WAP pay URL is the
 *       buyer's browser: a valid one makes the trade exist ({@link #openCashier}).
 *   <li>Trades: a precreated trade does not exist for query or close ({@code ACQ.TRADE_NOT_EXIST})
 *       until {@link #scan}; closing it before the scan makes a later scan fail. {@link #pay} scans
 *       if needed and pays; {@link #expire} closes an unpaid trade as Alipay does at time_expire.
 *       close of a paid trade answers {@code ACQ.TRADE_STATUS_ERROR}.
 *   <li>Refunds by out_request_no: the same number again answers success with {@code fund_change=N}
 *       and moves nothing; a full refund closes the trade. {@link #failNextRefund} refuses the next
 *       one ({@code ACQ.SELLER_BALANCE_NOT_ENOUGH}).
 *   <li>Switches: {@link #timeOutNext} (the next call is carried out, its answer comes late),
 *       {@link #forgeNextAnswer} (signed with a key that is not Alipay's).
 *   <li>Notifications (form bodies, signed as Alipay signs them): {@link #paidNotification},
 *       {@link #refundNotification}, {@link #closedNotification}, {@link #paidNotification(String, Consumer)}
 *       to alter a paid one before signing, {@link #notification} for any parameters, and the bad ones: {@link #forgedNotification}, {@link #wrongAppIdNotification},
 *       {@link #wrongAmountNotification}, {@link #staleNotification}.
 *   <li>Counters: {@link #requests} by method, {@link #refundCalls} by out_request_no,
 *       {@link #refundedFen} by trade, {@link #closes} by trade; {@link #status} of a trade.
 * </ul>
 */
public final class AlipaySimulator implements AutoCloseable {

    public static final String APP_ID = "2021000000000001";
    public static final String SELLER_ID = "2088000000000001";
    public static final String OTHER_APP_ID = "2021000000009999";

    private static AlipaySimulator shared;

    /** The app's key pair: the app signs with its private half (PEM files in {@link TestKeys}). */
    public final TestKeys appKeys;
    /** "Alipay's" key pair: answers and notifications are signed with it. */
    public final TestKeys alipayKeys;

    private final PrivateKey forger = generate().getPrivate();
    private final AlipaySimulatedTrades trades = new AlipaySimulatedTrades();
    private final AlipaySimulatedGateway gateway = new AlipaySimulatedGateway(this, trades);
    private final AlipayNotifications notifications = new AlipayNotifications(trades);
    private final WireMockServer server;

    private AlipaySimulator() {
        try {
            Path dir = Files.createTempDirectory("alipay-sim");
            this.appKeys = TestKeys.writeTo(dir.resolve("app"));
            this.alipayKeys = TestKeys.writeTo(dir.resolve("alipay"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = new WireMockServer(options().dynamicPort().containerThreads(8).extensions(gateway));
        server.start();
        server.stubFor(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(404)));
        server.stubFor(any(urlPathEqualTo("/gateway.do"))
                .willReturn(aResponse().withTransformers(AlipaySimulatedGateway.NAME)));
    }

    /** A simulator of one's own (stop it with {@link #close}). */
    public static AlipaySimulator start() {
        return new AlipaySimulator();
    }

    /** The one simulator of the test run, started on first use. */
    public static synchronized AlipaySimulator shared() {
        if (shared == null) {
            shared = new AlipaySimulator();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** The app's {@code originlive.payments.alipay.*} settings pointing at this simulator. */
    public Map<String, String> settings() {
        return Map.of(
                "originlive.payments.alipay.gateway-url", gatewayUrl(),
                "originlive.payments.alipay.app-id", APP_ID,
                "originlive.payments.alipay.private-key-location", appKeys.privatePem.toString(),
                "originlive.payments.alipay.public-key-location", alipayKeys.publicPem.toString(),
                "originlive.payments.alipay.seller-id", SELLER_ID);
    }

    /** The WireMock server, for looking at the requests the app sent. */
    public WireMockServer server() {
        return server;
    }

    public String gatewayUrl() {
        return "http://localhost:" + server.port() + "/gateway.do";
    }

    @Override
    public void close() {
        server.stop();
    }

    // The buyer and Alipay

    /** The buyer scans the QR code: the precreated trade exists (WAIT_BUYER_PAY). */
    public void scan(String outTradeNo) {
        trades.scan(outTradeNo);
    }

    /** The buyer pays (scanning first if needed): TRADE_SUCCESS. */
    public void pay(String outTradeNo) {
        trades.pay(outTradeNo);
    }

    /** Alipay closes the unpaid trade itself (its time_expire passed). */
    public void expire(String outTradeNo) {
        trades.expire(outTradeNo);
    }

    /** The buyer's browser GETs a page or WAP pay URL; the cashier's HTML, or an error page for a bad URL. */
    public String openCashier(String url) {
        try {
            var client = java.net.http.HttpClient.newHttpClient();
            var response = client.send(
                    java.net.http.HttpRequest.newBuilder(URI.create(url)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The trade's state as Alipay keeps it: PRECREATED (unknown to query), WAIT_BUYER_PAY, TRADE_SUCCESS, TRADE_CLOSED. */
    public String status(String outTradeNo) {
        return trades.trade(outTradeNo).status;
    }

    // Switches

    /** The next refund call is refused (40004 ACQ.SELLER_BALANCE_NOT_ENOUGH); nothing moves. */
    public void failNextRefund() {
        trades.failNextRefund = true;
    }

    /** The next call is carried out, but its answer comes after {@code delay} (longer than the app's timeout). */
    public void timeOutNext(Duration delay) {
        gateway.delayNextMillis = delay.toMillis();
    }

    /** The next answer is signed with a key that is not Alipay's. */
    public void forgeNextAnswer() {
        gateway.forgeNextAnswer = true;
    }

    // Counters

    /** Calls of an API method (e.g. {@code alipay.trade.refund}), cashier GETs included. */
    public int requests(String method) {
        AtomicInteger count = gateway.requests.get(method);
        return count == null ? 0 : count.get();
    }

    /** Refund calls under this out_request_no, answered or not. */
    public int refundCalls(String outRequestNo) {
        AtomicInteger count = trades.refundCalls.get(outRequestNo);
        return count == null ? 0 : count.get();
    }

    /** The money refunded of a trade, in fen. */
    public long refundedFen(String outTradeNo) {
        return trades.trade(outTradeNo).refunded();
    }

    /** close calls for a trade. */
    public int closes(String outTradeNo) {
        AtomicInteger count = trades.closes.get(outTradeNo);
        return count == null ? 0 : count.get();
    }

    // Notifications: form bodies as Alipay POSTs them to notify_url

    /** TRADE_SUCCESS of the trade (paying it first if needed). */
    public String paidNotification(String outTradeNo) {
        return notification(notifications.paid(outTradeNo));
    }

    /** The refund under out_request_no (made before through the gateway): TRADE_SUCCESS, or TRADE_CLOSED when all is refunded. */
    public String refundNotification(String outTradeNo, String outRequestNo) {
        return notification(notifications.refund(outTradeNo, outRequestNo));
    }

    /** TRADE_CLOSED of an unpaid trade. */
    public String closedNotification(String outTradeNo) {
        return notification(notifications.closed(outTradeNo));
    }

    /** A paid notification signed with a key that is not Alipay's. */
    public String forgedNotification(String outTradeNo) {
        Map<String, String> params = notifications.paid(outTradeNo);
        params.put("sign_type", "RSA2");
        params.put("sign", sign(forger, AlipayNotifications.content(params)));
        return form(params);
    }

    /** A validly signed paid notification whose parameters {@code change} altered before signing. */
    public String paidNotification(String outTradeNo, Consumer<Map<String, String>> change) {
        Map<String, String> params = notifications.paid(outTradeNo);
        change.accept(params);
        return notification(params);
    }

    /** A validly signed paid notification for another app. */
    public String wrongAppIdNotification(String outTradeNo) {
        return paidNotification(outTradeNo, params -> params.put("app_id", OTHER_APP_ID));
    }

    /** A validly signed paid notification whose total_amount is one yuan more than the trade's. */
    public String wrongAmountNotification(String outTradeNo) {
        long fen = trades.trade(outTradeNo).totalFen + 100;
        return paidNotification(outTradeNo, params -> params.put("total_amount", AlipaySimulatedTrades.yuan(fen)));
    }

    /** A validly signed paid notification sent ten minutes ago. */
    public String staleNotification(String outTradeNo) {
        String tenMinutesAgo = AlipaySimulatedTrades.TIME.format(Instant.now().minus(Duration.ofMinutes(10)));
        return paidNotification(outTradeNo, params -> params.put("notify_time", tenMinutesAgo));
    }

    /** Any parameters, signed by Alipay (over all but sign and sign_type) and form-encoded. */
    public String notification(Map<String, String> params) {
        Map<String, String> signed = new TreeMap<>(params);
        signed.put("sign_type", "RSA2");
        signed.put("sign", alipaySign(AlipayNotifications.content(signed)));
        return form(signed);
    }

    // Signatures

    /**
     * The parameters of a page or WAP pay URL, after checking the app's signature over them.
     *
     * @throws AssertionError when the app's key did not sign them
     */
    public Map<String, String> signedParams(String url) {
        Map<String, String> params = AlipaySimulatedGateway.form(URI.create(url).getRawQuery());
        if (!appSigned(params)) {
            throw new AssertionError("Not signed by the app: " + url);
        }
        return params;
    }

    /** Whether the app's key signed these request parameters (all but sign, sorted, empty ones skipped). */
    boolean appSigned(Map<String, String> params) {
        String content = new TreeMap<>(params)
                .entrySet().stream()
                        .filter(e -> !e.getKey().equals("sign") && !e.getValue().isEmpty())
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("&"));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(appKeys.pair.getPublic());
            signature.update(content.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(params.getOrDefault("sign", "")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The base64 RSA2 signature of the content with "Alipay's" private key. */
    public String alipaySign(String content) {
        return sign(alipayKeys.pair.getPrivate(), content);
    }

    String forgedSign(String content) {
        return sign(forger, content);
    }

    private static String sign(PrivateKey key, String content) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(content.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code @QuarkusTestResource(AlipaySimulator.Resource.class)}: the app configured against {@link #shared()}. */
    public static class Resource implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            return shared().settings();
        }

        @Override
        public void stop() {
            // Kept for the whole run, like the database: several test profiles share it.
        }
    }
}
