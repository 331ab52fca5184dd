package org.originlive.payment;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Alipay Open Platform (RSA2, public-key mode) behind {@link PaymentGateway}. REST by hand, not
 * the SDK: com.alipay.sdk's client blocks on HttpURLConnection and is very large, while the
 * protocol is one signed form POST per call, which the Vert.x WebClient sends without blocking.
 *
 * <p>{@code NATIVE} opens a trade with {@code alipay.trade.precreate} (its {@code qr_code} is the
 * QR action); {@code PAGE} and {@code WAP} are not server calls but signed URLs of
 * {@code alipay.trade.page.pay} / {@code .wap.pay} that the buyer's browser GETs. A precreated trade
 * exists at Alipay only once the buyer scans (a page trade once the page opens): before that,
 * query answers ACQ.TRADE_NOT_EXIST, read as NOT_PAID. The trades' state, refunds and
 * notifications: {@link AlipayTrades}, {@link AlipayNotices}.
 */
@Startup
@ApplicationScoped
public class AlipayGateway implements PaymentGateway {

    static final String APP_ID_ENV = "ORIGINLIVE_PAYMENTS_ALIPAY_APP_ID";
    /** total_amount takes [0.01, 100000000] yuan. */
    private static final long MAX_FEN = 10_000_000_000L;

    private final AlipayConfig config;
    private final AlipayCalls calls;
    private final AlipayTrades trades;
    private final AlipayNotices notices;

    AlipayGateway(
            AlipayConfig config,
            @ConfigProperty(name = "originlive.payments.timeout", defaultValue = "10s") Duration timeout,
            Vertx vertx,
            Clock clock) {
        this.config = config;
        List<String> missing = missing(config);
        if (!missing.isEmpty()) {
            if (missing.size() < 3) {
                Log.warnf("Alipay is not configured: %s missing", String.join(", ", missing));
            }
            this.calls = null;
            this.trades = null;
            this.notices = null;
            return;
        }
        AlipayKeys keys = AlipayKeys.read(
                config.privateKeyLocation().get(), config.publicKeyLocation().get());
        String appId = config.appId().get();
        this.calls = new AlipayCalls(keys, appId, config.gatewayUrl(), timeout, clock, vertx);
        this.trades = new AlipayTrades(calls);
        this.notices = new AlipayNotices(keys, appId, config.sellerId(), clock);
        Log.infof("Alipay configured: app %s at %s", appId, config.gatewayUrl());
    }

    @PreDestroy
    void close() {
        if (calls != null) {
            calls.close();
        }
    }

    @Override
    public Provider provider() {
        return Provider.ALIPAY;
    }

    @Override
    public boolean configured() {
        return calls != null;
    }

    @Override
    public Set<Channel> channels() {
        return EnumSet.of(Channel.NATIVE, Channel.PAGE, Channel.WAP);
    }

    /** NATIVE: a QR code from precreate; PAGE and WAP: the signed cashier URL (nothing is sent yet). */
    @Override
    public Uni<Action> open(Trade trade) {
        return ready().map(x -> biz(trade)).flatMap(biz -> switch (trade.channel()) {
            case NATIVE -> trades.precreate(biz.put("product_code", "FACE_TO_FACE_PAYMENT"), trade.notifyUrl());
            case PAGE -> Uni.createFrom()
                    .item(Action.redirect(calls.redirect(
                            "alipay.trade.page.pay",
                            biz.put("product_code", "FAST_INSTANT_TRADE_PAY"),
                            trade.notifyUrl())));
            case WAP -> Uni.createFrom()
                    .item(Action.redirect(calls.redirect(
                            "alipay.trade.wap.pay", biz.put("product_code", "QUICK_WAP_WAY"), trade.notifyUrl())));
            default -> Uni.createFrom().failure(invalid("channel-unsupported", "Alipay has no " + trade.channel()));
        });
    }

    @Override
    public Uni<TradeState> query(String outTradeNo) {
        return ready().flatMap(x -> trades.query(outTradeNo));
    }

    @Override
    public Uni<TradeState> close(String outTradeNo) {
        return ready().flatMap(x -> trades.close(outTradeNo));
    }

    @Override
    public Uni<RefundState> refund(RefundOrder refund) {
        return ready().flatMap(x -> trades.refund(refund));
    }

    @Override
    public Uni<RefundState> queryRefund(String outTradeNo, String outRefundNo) {
        return ready().flatMap(x -> trades.queryRefund(outTradeNo, outRefundNo));
    }

    @Override
    public Notice verify(Map<String, String> headers, String body) {
        if (notices == null) {
            throw new NoticeRejected("Alipay is not configured");
        }
        return notices.read(body);
    }

    /** {@code success} is the only answer Alipay takes as received; anything else, it sends again later. */
    @Override
    public Answer answer(boolean accepted, String reason) {
        return accepted ? new Answer(200, "text/plain", "success") : new Answer(400, "text/plain", "failure");
    }

    private ObjectNode biz(Trade trade) {
        if (!AlipayFormat.validOutTradeNo(trade.outTradeNo())) {
            throw invalid("invalid-out-trade-no", "out_trade_no takes letters, digits and _ only, at most 64");
        }
        if (!"CNY".equals(trade.currency()) || trade.amountMinor() <= 0 || trade.amountMinor() > MAX_FEN) {
            throw invalid("invalid-amount", "Alipay takes 0.01 to 100000000.00 CNY");
        }
        ObjectNode biz = JsonNodeFactory.instance
                .objectNode()
                .put("out_trade_no", trade.outTradeNo())
                .put("total_amount", AlipayFormat.yuan(trade.amountMinor()))
                .put("subject", AlipayFormat.subject(trade.description()));
        Instant expires = trade.expiresAt();
        if (expires != null) {
            biz.put("time_expire", AlipayFormat.time(expires));
        }
        config.sellerId().ifPresent(seller -> biz.put("seller_id", seller));
        return biz;
    }

    private Uni<Void> ready() {
        return configured()
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(invalid("provider-unavailable", "Alipay is not configured"));
    }

    static GatewayException invalid(String code, String message) {
        return new GatewayException(code, message, false, null);
    }

    private static List<String> missing(AlipayConfig config) {
        List<String> missing = new ArrayList<>();
        if (config.appId().filter(id -> !id.isBlank()).isEmpty()) {
            missing.add(APP_ID_ENV);
        }
        if (config.privateKeyLocation().filter(p -> !p.isBlank()).isEmpty()) {
            missing.add(AlipayKeys.PRIVATE_KEY_ENV);
        }
        if (config.publicKeyLocation().filter(p -> !p.isBlank()).isEmpty()) {
            missing.add(AlipayKeys.PUBLIC_KEY_ENV);
        }
        return missing;
    }
}
