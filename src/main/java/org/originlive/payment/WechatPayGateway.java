package org.originlive.payment;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.originlive.payment.WechatPayClient.Reply;
import org.originlive.payment.WechatPayConfig.Mode;

/**
 * WeChat Pay API v3 ({@link Provider#WECHAT_PAY}): NATIVE (a QR code), H5 (a phone browser) and
 * JSAPI (inside WeChat), on the mainland API or, with {@code mode=global}, the cross-border one.
 *
 * <p>HTTP: the Quarkus REST Client with our own signing (JDK SHA256withRSA, AES/GCM), not the
 * official SDK: wechatpay-java 0.2.17 is blocking OkHttp with hard-coded hosts, so it would need
 * worker threads and its own HTTP client to reach anything but api.mch.weixin.qq.com.
 *
 * <p>Failures are {@link GatewayException}s: {@code unreachable} when the outcome is unknown (no
 * answer within {@code originlive.payments.timeout}, no connection, a 5xx), otherwise WeChat Pay's
 * own error code (e.g. ORDERPAID, NOT_ENOUGH, SIGN_ERROR), {@code INVALID_REQUEST} for a trade it
 * would refuse (nothing is sent), {@code RESPONSE_NOT_VERIFIED} for an answer it did not sign, or
 * {@code NOT_CONFIGURED}. Opening and refunding are never repeated here (the core asks again
 * under the same numbers, which WeChat Pay dedupes); queries are, when the connection failed.
 */
@Startup
@ApplicationScoped
public class WechatPayGateway implements PaymentGateway {

    private static final Set<Channel> CHANNELS =
            Collections.unmodifiableSet(EnumSet.of(Channel.NATIVE, Channel.H5, Channel.JSAPI));

    private final Optional<WechatPayKeys> keys;
    private final boolean global;
    private final WechatPayRequests requests;
    private final WechatPayClient client;
    private final WechatPayNotices notices;
    private final Clock clock;

    WechatPayGateway(
            WechatPayConfig config,
            Clock clock,
            @ConfigProperty(name = "originlive.payments.timeout", defaultValue = "10s") Duration timeout) {
        this.keys = WechatPayKeys.load(config);
        this.global = config.mode() == Mode.GLOBAL;
        this.clock = clock;
        WechatPayKeys loaded = keys.orElse(null);
        this.requests =
                loaded == null ? null : new WechatPayRequests(loaded, config.mode(), config.merchantCategoryCode());
        this.client = loaded == null ? null : new WechatPayClient(config.baseUrl(), loaded, clock, timeout);
        this.notices = loaded == null ? null : new WechatPayNotices(loaded, new WechatPayVerifier(loaded, clock));
    }

    @Override
    public Provider provider() {
        return Provider.WECHAT_PAY;
    }

    @Override
    public boolean configured() {
        return keys.isPresent();
    }

    @Override
    public Set<Channel> channels() {
        return CHANNELS;
    }

    /** QR with code_url, REDIRECT to h5_url, or JSAPI with the signed parameters of wx.requestPayment. */
    @Override
    public Uni<Action> open(Trade trade) {
        return ready().map(x -> requests.open(trade))
                .flatMap(body ->
                        client.once(() -> client.api.open(requests.area(), requests.kind(trade.channel()), body)))
                .map(reply -> action(trade.channel(), reply));
    }

    /** The trade's state; one WeChat Pay does not know (a verified ORDER_NOT_EXIST) is NOT_PAID. */
    @Override
    public Uni<TradeState> query(String outTradeNo) {
        return ready().invoke(x -> requests.outTradeNo(outTradeNo))
                .flatMap(x -> client.asking(() -> client.api.query(requests.area(), outTradeNo, keys().mchId)))
                .map(WechatPayGateway::tradeState);
    }

    /**
     * Closes first, and asks only when WeChat Pay refuses: its close is atomic with payment (a paid
     * trade answers ORDERPAID), where asking first would race a buyer paying in between. A 204 is
     * CLOSED; a trade it never saw is CLOSED too (nothing can be paid under that number now).
     */
    @Override
    public Uni<TradeState> close(String outTradeNo) {
        return ready().map(x -> requests.close(outTradeNo))
                .flatMap(body -> client.once(() -> client.api.close(requests.area(), outTradeNo, body)))
                .flatMap(reply -> afterClose(outTradeNo, reply));
    }

    @Override
    public Uni<RefundState> refund(RefundOrder refund) {
        return ready().map(x -> requests.refund(refund))
                .flatMap(body -> client.once(() -> global ? client.api.globalRefund(body) : client.api.refund(body)))
                .map(reply -> refundState(refund.outTradeNo(), reply));
    }

    /** The refund's state; one WeChat Pay never received fails with code RESOURCE_NOT_EXISTS (send it again). */
    @Override
    public Uni<RefundState> queryRefund(String outTradeNo, String outRefundNo) {
        return ready().invoke(x -> requests.outRefundNo(outRefundNo))
                .flatMap(x -> client.asking(() -> global
                        ? client.api.globalQueryRefund(outRefundNo, keys().mchId)
                        : client.api.queryRefund(outRefundNo)))
                .map(reply -> refundState(outTradeNo, reply));
    }

    @Override
    public Notice verify(Map<String, String> headers, String body) {
        if (notices == null) {
            throw new NoticeRejected("WeChat Pay is not configured");
        }
        return notices.read(headers, body);
    }

    /** 204 without a body when accepted; otherwise 400 {"code":"FAIL","message":reason}, so WeChat Pay sends it again. */
    @Override
    public Answer answer(boolean accepted, String reason) {
        if (accepted) {
            return new Answer(204, null, null);
        }
        String body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .objectNode()
                .put("code", "FAIL")
                .put("message", reason == null ? "rejected" : reason)
                .toString();
        return new Answer(400, "application/json", body);
    }

    private Uni<TradeState> afterClose(String outTradeNo, Reply reply) {
        if (reply.ok() || (reply.verified() && "ORDER_NOT_EXIST".equals(reply.code()))) {
            return Uni.createFrom().item(TradeState.of(TradeStatus.CLOSED));
        }
        if (!reply.verified() || reply.status() >= 500) {
            return Uni.createFrom().failure(reply.failure());
        }
        // ORDERPAID (or another refusal): what the trade is now says whether it was paid.
        return query(outTradeNo).map(state -> {
            if (state.status() == TradeStatus.NOT_PAID) {
                throw reply.failure();
            }
            return state;
        });
    }

    private Action action(Channel channel, Reply reply) {
        if (!reply.ok()) {
            throw reply.failure();
        }
        return switch (channel) {
            case NATIVE -> Action.qr(field(reply, "code_url"));
            case H5 -> Action.redirect(field(reply, "h5_url"));
            default -> Action.jsapi(jsapiParams(field(reply, "prepay_id")));
        };
    }

    /** wx.requestPayment's parameters, paySign over appId, timeStamp, nonceStr and package (JSAPI docs). */
    private Map<String, String> jsapiParams(String prepayId) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("appId", keys().appId);
        params.put("timeStamp", Long.toString(clock.instant().getEpochSecond()));
        params.put("nonceStr", WechatPaySigner.nonce());
        params.put("package", "prepay_id=" + prepayId);
        params.put("signType", "RSA");
        String message = params.get("appId") + "\n" + params.get("timeStamp") + "\n" + params.get("nonceStr") + "\n"
                + params.get("package") + "\n";
        params.put("paySign", keys().sign(message));
        return Collections.unmodifiableMap(params);
    }

    private static TradeState tradeState(Reply reply) {
        if (reply.ok()) {
            return WechatPayStates.trade(reply.json());
        }
        if (reply.verified() && "ORDER_NOT_EXIST".equals(reply.code())) {
            return TradeState.of(TradeStatus.NOT_PAID);
        }
        throw reply.failure();
    }

    private static RefundState refundState(String outTradeNo, Reply reply) {
        if (!reply.ok()) {
            throw reply.failure();
        }
        String refundOf = reply.text("out_trade_no");
        if (outTradeNo != null && refundOf != null && !outTradeNo.equals(refundOf)) {
            throw new GatewayException("REFUND_OF_ANOTHER_TRADE", "The refund is of trade " + refundOf, false, null);
        }
        return WechatPayStates.refund(reply.text("status"), reply.text("refund_id"));
    }

    private static String field(Reply reply, String name) {
        String value = reply.text(name);
        if (value == null || value.isBlank()) {
            throw new GatewayException("RESPONSE_MALFORMED", "WeChat Pay's answer has no " + name, false, null);
        }
        return value;
    }

    private Uni<Void> ready() {
        if (keys.isEmpty()) {
            return Uni.createFrom()
                    .failure(new GatewayException(
                            "NOT_CONFIGURED",
                            "WeChat Pay is not configured (ORIGINLIVE_PAYMENTS_WECHAT_PAY_*)",
                            false,
                            null));
        }
        return Uni.createFrom().voidItem();
    }

    private WechatPayKeys keys() {
        return keys.orElseThrow();
    }
}
