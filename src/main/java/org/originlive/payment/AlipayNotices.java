package org.originlive.payment;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.originlive.payment.PaymentGateway.Notice;
import org.originlive.payment.PaymentGateway.NoticeRejected;
import org.originlive.payment.PaymentGateway.RefundState;
import org.originlive.payment.PaymentGateway.RefundStatus;
import org.originlive.payment.PaymentGateway.TradeState;
import org.originlive.payment.PaymentGateway.TradeStatus;

/**
 * Alipay's asynchronous notifications: a form body whose parameters, all but {@code sign} and
 * {@code sign_type}, sorted and URL-decoded, Alipay signed with RSA2 (the SDK's rsaCheckV1). Then
 * the app id, the seller when one is configured, and {@code notify_time} (Beijing time) within
 * five minutes of now. A refund shows as {@code refund_fee}, {@code gmt_refund} and
 * {@code out_biz_no} (the refund's out_request_no) on a TRADE_SUCCESS (part refunded) or
 * TRADE_CLOSED (all refunded) notification; TRADE_CLOSED without them is an unpaid trade closed.
 */
final class AlipayNotices {

    private static final Set<String> UNSIGNED = Set.of("sign", "sign_type");
    private static final Duration WINDOW = Duration.ofMinutes(5);

    private final AlipayKeys keys;
    private final String appId;
    private final Optional<String> sellerId;
    private final Clock clock;

    AlipayNotices(AlipayKeys keys, String appId, Optional<String> sellerId, Clock clock) {
        this.keys = keys;
        this.appId = appId;
        this.sellerId = sellerId;
        this.clock = clock;
    }

    Notice read(String body) {
        Map<String, String> params = form(body);
        if (!"RSA2".equals(params.get("sign_type"))
                || !keys.verify(AlipayKeys.content(params, UNSIGNED, false), params.get("sign"))) {
            throw new NoticeRejected("Alipay notification: the signature does not verify");
        }
        if (!appId.equals(params.get("app_id"))) {
            throw new NoticeRejected("Alipay notification for another app: " + params.get("app_id"));
        }
        if (sellerId.isPresent() && !sellerId.get().equals(params.get("seller_id"))) {
            throw new NoticeRejected("Alipay notification for another seller: " + params.get("seller_id"));
        }
        requireFresh(params.get("notify_time"));
        return notice(params);
    }

    private void requireFresh(String notifyTime) {
        Instant sent;
        try {
            sent = AlipayFormat.instant(notifyTime);
        } catch (RuntimeException e) {
            throw new NoticeRejected("Alipay notification without a readable notify_time");
        }
        if (Duration.between(sent, clock.instant()).abs().compareTo(WINDOW) > 0) {
            throw new NoticeRejected("Alipay notification sent at " + notifyTime + " (Beijing), outside ±5 minutes");
        }
    }

    private static Notice notice(Map<String, String> params) {
        String outTradeNo = required(params, "out_trade_no");
        String status = required(params, "trade_status");
        boolean refund = params.get("out_biz_no") != null && params.get("refund_fee") != null;
        TradeState trade =
                switch (status) {
                    case "TRADE_SUCCESS", "TRADE_FINISHED" -> paid(params, TradeStatus.PAID);
                    case "TRADE_CLOSED" -> refund
                            ? paid(params, TradeStatus.REFUNDED)
                            : TradeState.of(TradeStatus.CLOSED);
                    case "WAIT_BUYER_PAY" -> TradeState.of(TradeStatus.NOT_PAID);
                    default -> throw new NoticeRejected("Alipay notification with trade_status " + status);
                };
        if (!refund) {
            return new Notice(outTradeNo, trade, null, null);
        }
        // refund_fee is the trade's total refunded so far, not this refund's alone.
        RefundState state = new RefundState(
                RefundStatus.SUCCEEDED, params.get("trade_no"), AlipayFormat.fen(params.get("refund_fee")), true);
        return new Notice(outTradeNo, trade, params.get("out_biz_no"), state);
    }

    private static TradeState paid(Map<String, String> params, TradeStatus status) {
        try {
            long amount = AlipayFormat.fen(required(params, "total_amount"));
            String paidAt = params.get("gmt_payment");
            Instant at = paidAt == null ? null : AlipayFormat.instant(paidAt);
            return new TradeState(status, required(params, "trade_no"), amount, "CNY", at);
        } catch (NoticeRejected e) {
            throw e;
        } catch (RuntimeException e) {
            throw new NoticeRejected("Alipay notification with an unreadable amount or time");
        }
    }

    private static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw new NoticeRejected("Alipay notification without " + name);
        }
        return value;
    }

    /** The form's parameters, URL-decoded; a parameter given twice is not Alipay's. */
    private static Map<String, String> form(String body) {
        Map<String, String> params = new HashMap<>();
        if (body == null || body.isBlank()) {
            throw new NoticeRejected("Alipay notification without a body");
        }
        try {
            for (String pair : body.trim().split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (!key.isEmpty() && params.put(key, value) != null) {
                    throw new NoticeRejected("Alipay notification with " + key + " twice");
                }
            }
        } catch (IllegalArgumentException e) {
            throw new NoticeRejected("Alipay notification that is not a form");
        }
        return params;
    }
}
