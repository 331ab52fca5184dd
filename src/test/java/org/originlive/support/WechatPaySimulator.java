package org.originlive.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A WeChat Pay API v3 on a local WireMock, with state, shared by the whole test run (registered
 * for every @QuarkusTest in {@link UsesPostgres}, so the test app is configured with it).
 *
 * <p>Like WeChat Pay it checks the {@code Authorization} signature of every request against the
 * merchant's public key (a bad or missing one: 401 SIGN_ERROR, unsigned) and signs every answer,
 * 204s included, with its platform key ({@code Wechatpay-Serial} = {@link #PUBLIC_KEY_ID}). It
 * speaks the mainland paths ({@code /v3/pay/transactions/{native|h5|jsapi}}, query, close,
 * {@code /v3/refund/domestic/refunds}) and the global ones ({@code /v3/global/transactions/
 * {native|mweb|jsapi}}, {@code /v3/global/refunds}), checks the limits WeChat Pay checks
 * (out_trade_no 6–32, description ≤ 127 bytes, notify_url without a query string, our
 * appid/mchid, openid for JSAPI, payer_client_ip for H5) and answers 400 PARAM_ERROR otherwise.
 *
 * <p>Use: {@code WechatPaySimulator sim = WechatPaySimulator.shared();}
 * <ul>
 *   <li>{@link #settings()} / {@link #environment()}: the app's settings (properties or env vars) pointing at it.
 *   <li>{@link #trade(String)}: what the app opened (channel, amount, expiry, notify_url, raw body) and its state.
 *   <li>{@link #pay(String)}: the buyer pays (NOTPAY → SUCCESS, with a transaction id);
 *       {@link #setTradeState(String, String)} for USERPAYING, PAYERROR, etc.
 *   <li>Close answers 204 and makes it CLOSED; a paid one answers 400 ORDERPAID; an unknown one 404
 *       ORDER_NOT_EXIST (queries too). A refund makes the trade REFUND and the refund PROCESSING until
 *       {@link #settleRefund(String, String)} (SUCCESS, ABNORMAL or CLOSED).
 *   <li>{@link #paidNotification(String)}, {@link #refundNotification(String, String)}: signed and
 *       encrypted notifications (headers + body) to POST to the app's callback;
 *       {@link #paidNotice(String)} / {@link #refundNotice(String, String)} build tampered ones
 *       (forged signature, stale timestamp, another amount, mchid or appid, another API v3 key).
 *   <li>Switches for the next answer: {@link #timeOutNextOpen()}, {@link #failNextRefund(int, String)},
 *       {@link #tamperNextAnswer(Tamper, String)} (unsigned, forged, stale, signed with another key id).
 *   <li>Counters: {@link #requests(String)}, {@link #closes(String)}, {@link #refundRequests(String)},
 *       {@link #signatureFailures()}; {@link #received(String)} for request shapes.
 * </ul>
 */
public class WechatPaySimulator implements QuarkusTestResourceLifecycleManager {

    public static final String MCH_ID = "1900000109";
    public static final String APP_ID = "wxd678efh567hg6787";
    public static final String MERCHANT_SERIAL = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
    public static final String PUBLIC_KEY_ID = "PUB_KEY_ID_0119000001092025061100000000000001";
    /** How long {@link #timeOutNextOpen()} holds the answer: beyond the %test timeout (2s). */
    public static final Duration OPEN_DELAY = Duration.ofSeconds(4);

    private static WechatPaySimulator shared;

    /** How an answer is spoiled, for the app's response checks. */
    public enum Tamper {
        UNSIGNED,
        FORGED,
        STALE,
        OTHER_KEY_ID
    }

    /** A trade as the simulator holds it now. {@code channel} is NATIVE, H5 or JSAPI; {@code area} pay or global. */
    public record Trade(
            String outTradeNo,
            String channel,
            String area,
            long amountMinor,
            String currency,
            String description,
            String timeExpire,
            String notifyUrl,
            String payerOpenId,
            String clientIp,
            String state,
            String transactionId,
            Instant successTime,
            JsonNode body) {}

    /** A refund as the simulator holds it now; {@code status} PROCESSING, SUCCESS, ABNORMAL or CLOSED. */
    public record Refund(
            String outRefundNo,
            String outTradeNo,
            String refundId,
            long refundMinor,
            long totalMinor,
            String currency,
            String reason,
            String notifyUrl,
            String status) {}

    /** An error answer to give. */
    record Failure(int status, String code) {}

    /** A spoiled answer to give, to a request whose path contains that text. */
    record TamperRule(Tamper tamper, String pathContains) {}

    /**
     * A notification as WeChat Pay POSTs it: headers and the raw JSON body. The signature covers the
     * body's exact UTF-8 bytes (its summary is Chinese): post it with
     * {@code contentType("application/json; charset=UTF-8")} and hand the app's verify the body as received.
     */
    public record Notification(Map<String, String> headers, String body) {}

    final WechatPayTestKeys keys = new WechatPayTestKeys();
    final Map<String, Trade> trades = new ConcurrentHashMap<>();
    final Map<String, Refund> refunds = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    final AtomicReference<Duration> nextOpenDelay = new AtomicReference<>();
    final AtomicReference<Failure> nextRefundFailure = new AtomicReference<>();
    final AtomicReference<TamperRule> nextTamper = new AtomicReference<>();
    private WireMockServer server;

    /** The run's simulator, started on first use. */
    public static synchronized WechatPaySimulator shared() {
        if (shared == null) {
            WechatPaySimulator simulator = new WechatPaySimulator();
            simulator.server = new WireMockServer(
                    options().dynamicPort().containerThreads(8).extensions(new WechatPaySimulatorHandler(simulator)));
            simulator.server.start();
            simulator.server.stubFor(
                    any(anyUrl()).willReturn(aResponse().withTransformers(WechatPaySimulatorHandler.NAME)));
            Runtime.getRuntime().addShutdownHook(new Thread(simulator.server::stop));
            shared = simulator;
        }
        return shared;
    }

    @Override
    public Map<String, String> start() {
        return shared().settings();
    }

    @Override
    public void stop() {
        // Kept for the whole run, like the database: several test profiles share it.
    }

    public String baseUrl() {
        return "http://localhost:" + server.port();
    }

    /** The {@code originlive.payments.wechat-pay.*} properties of an app that talks to this simulator. */
    public Map<String, String> settings() {
        String prefix = "originlive.payments.wechat-pay.";
        return Map.of(
                prefix + "base-url",
                baseUrl(),
                prefix + "mode",
                "mainland",
                prefix + "mch-id",
                MCH_ID,
                prefix + "app-id",
                APP_ID,
                prefix + "merchant-serial",
                MERCHANT_SERIAL,
                prefix + "private-key-location",
                keys.merchantKeyFile.toString(),
                prefix + "public-key-location",
                keys.platformPublicKeyFile.toString(),
                prefix + "public-key-id",
                PUBLIC_KEY_ID,
                prefix + "api-v3-key",
                keys.apiV3Key);
    }

    /** The same settings as the env vars k8s passes to the packaged jar (ORIGINLIVE_PAYMENTS_WECHAT_PAY_*). */
    public Map<String, String> environment() {
        Map<String, String> env = new TreeMap<>();
        settings()
                .forEach((key, value) ->
                        env.put(key.toUpperCase().replace('.', '_').replace('-', '_'), value));
        return env;
    }

    /** The test keys: the merchant's public key verifies what the app signs (requests, JSAPI paySign). */
    public WechatPayTestKeys keys() {
        return keys;
    }

    public Optional<Trade> trade(String outTradeNo) {
        return Optional.ofNullable(trades.get(outTradeNo));
    }

    public Optional<Refund> refund(String outRefundNo) {
        return Optional.ofNullable(refunds.get(outRefundNo));
    }

    /** The buyer pays the opened trade: SUCCESS, with a transaction id and success time. */
    public Trade pay(String outTradeNo) {
        return trades.compute(outTradeNo, (no, trade) -> {
            if (trade == null) {
                throw new IllegalArgumentException("No trade " + no + " was opened");
            }
            return with(trade, "SUCCESS");
        });
    }

    /** Any trade_state WeChat Pay has: NOTPAY, USERPAYING, SUCCESS, CLOSED, REVOKED, PAYERROR, REFUND. */
    public Trade setTradeState(String outTradeNo, String state) {
        return trades.computeIfPresent(outTradeNo, (no, trade) -> with(trade, state));
    }

    /** A refund ends: SUCCESS, ABNORMAL or CLOSED. */
    public Refund settleRefund(String outRefundNo, String status) {
        return refunds.computeIfPresent(
                outRefundNo,
                (no, refund) -> new Refund(
                        refund.outRefundNo(),
                        refund.outTradeNo(),
                        refund.refundId(),
                        refund.refundMinor(),
                        refund.totalMinor(),
                        refund.currency(),
                        refund.reason(),
                        refund.notifyUrl(),
                        status));
    }

    /** The next order placement is answered only after {@link #OPEN_DELAY}: the app times out (the trade exists). */
    public void timeOutNextOpen() {
        nextOpenDelay.set(OPEN_DELAY);
    }

    /** The next refund request is refused with this status and code (e.g. 403 NOT_ENOUGH, 500 SYSTEM_ERROR). */
    public void failNextRefund(int status, String code) {
        nextRefundFailure.set(new Failure(status, code));
    }

    /** The next answer to any request is spoiled this way (beware of the app's own background queries). */
    public void tamperNextAnswer(Tamper tamper) {
        tamperNextAnswer(tamper, "/");
    }

    /** The next answer to a request whose path contains {@code pathContains} (e.g. an out_trade_no) is spoiled. */
    public void tamperNextAnswer(Tamper tamper, String pathContains) {
        nextTamper.set(new TamperRule(tamper, pathContains));
    }

    /** The spoiling asked for this path, once; null when none. */
    Tamper takeTamper(String path) {
        TamperRule rule = nextTamper.get();
        if (rule != null && path.contains(rule.pathContains()) && nextTamper.compareAndSet(rule, null)) {
            return rule.tamper();
        }
        return null;
    }

    /** A paid trade's notification; pays the trade first if it is not paid yet. */
    public Notification paidNotification(String outTradeNo) {
        return paidNotice(outTradeNo).build();
    }

    /** A refund's notification with that status (SUCCESS, ABNORMAL, CLOSED), settling the refund so. */
    public Notification refundNotification(String outRefundNo, String status) {
        return refundNotice(outRefundNo, status).build();
    }

    /** A paid notification to spoil before {@link WechatPayNotice#build()}. */
    public WechatPayNotice paidNotice(String outTradeNo) {
        Trade trade = trade(outTradeNo).orElseThrow(() -> new IllegalArgumentException("No trade " + outTradeNo));
        if (!"SUCCESS".equals(trade.state()) && !"REFUND".equals(trade.state())) {
            trade = pay(outTradeNo);
        }
        return WechatPayNotice.paid(this, trade);
    }

    public WechatPayNotice refundNotice(String outRefundNo, String status) {
        Refund refund = settleRefund(outRefundNo, status);
        if (refund == null) {
            throw new IllegalArgumentException("No refund " + outRefundNo);
        }
        return WechatPayNotice.refund(this, refund, trades.get(refund.outTradeNo()));
    }

    /** Requests received at this path (any method, any query), signed well or not. */
    public int requests(String path) {
        return server.findAll(anyRequestedFor(urlPathEqualTo(path))).size();
    }

    public List<LoggedRequest> received(String path) {
        return server.findAll(anyRequestedFor(urlPathEqualTo(path)));
    }

    /** Close requests (properly signed) for this trade. */
    public int closes(String outTradeNo) {
        return count("close:" + outTradeNo);
    }

    /** Refund requests (properly signed) under this out_refund_no, repeats included. */
    public int refundRequests(String outRefundNo) {
        return count("refund:" + outRefundNo);
    }

    /** Requests refused 401 SIGN_ERROR. */
    public int signatureFailures() {
        return count("sign-error");
    }

    public WireMockServer server() {
        return server;
    }

    void counted(String key) {
        counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    private int count(String key) {
        AtomicInteger count = counts.get(key);
        return count == null ? 0 : count.get();
    }

    static Trade with(Trade trade, String state) {
        boolean paid = "SUCCESS".equals(state) || "REFUND".equals(state);
        String transactionId = trade.transactionId() != null || !paid
                ? trade.transactionId()
                : "4200" + WechatPayTestKeys.random(24).replaceAll("[^0-9]", "7");
        Instant successTime = paid && trade.successTime() == null ? Instant.now() : trade.successTime();
        return new Trade(
                trade.outTradeNo(),
                trade.channel(),
                trade.area(),
                trade.amountMinor(),
                trade.currency(),
                trade.description(),
                trade.timeExpire(),
                trade.notifyUrl(),
                trade.payerOpenId(),
                trade.clientIp(),
                state,
                transactionId,
                successTime,
                trade.body());
    }
}
