package org.originlive.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.originlive.payment.PaymentGateway.GatewayException;
import org.originlive.payment.PaymentGateway.RefundOrder;
import org.originlive.payment.PaymentGateway.Trade;
import org.originlive.payment.WechatPayConfig.Mode;

/**
 * The JSON bodies WeChat Pay API v3 takes, checked against its limits before anything is sent:
 * out_trade_no 6–32 of {@code [0-9A-Za-z_-|*]}, a notify_url without a query string, description
 * at most 127 bytes of UTF-8 (cut on a character boundary), amounts in minor units (fen),
 * time_expire in RFC 3339. Global (cross-border) orders also carry {@code trade_type} and a
 * merchant category code; their H5 kind is {@code mweb}.
 */
final class WechatPayRequests {

    static final int DESCRIPTION_BYTES = 127;
    private static final int REASON_CHARS = 80;
    private static final Pattern OUT_TRADE_NO = Pattern.compile("[0-9A-Za-z_\\-|*]{6,32}");
    private static final Pattern OUT_REFUND_NO = Pattern.compile("[0-9A-Za-z_\\-|*@]{1,64}");
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WechatPayKeys keys;
    private final Mode mode;
    private final String merchantCategoryCode;

    WechatPayRequests(WechatPayKeys keys, Mode mode, String merchantCategoryCode) {
        this.keys = keys;
        this.mode = mode;
        this.merchantCategoryCode = merchantCategoryCode;
    }

    /** The first path segment after /v3 of the transaction APIs. */
    String area() {
        return mode == Mode.GLOBAL ? "global" : "pay";
    }

    /** The order placement path's last segment for the channel. */
    String kind(Channel channel) {
        return switch (channel) {
            case NATIVE -> "native";
            case JSAPI -> "jsapi";
            case H5 -> mode == Mode.GLOBAL ? "mweb" : "h5";
            default -> throw invalid("WeChat Pay has no " + channel + " channel");
        };
    }

    String open(Trade trade) {
        String kind = kind(trade.channel());
        outTradeNo(trade.outTradeNo());
        ObjectNode body = JSON.createObjectNode()
                .put("appid", keys.appId)
                .put("mchid", keys.mchId)
                .put("description", description(trade.description()))
                .put("out_trade_no", trade.outTradeNo());
        if (mode == Mode.GLOBAL) {
            body.put("trade_type", kind.toUpperCase()).put("merchant_category_code", merchantCategoryCode);
        }
        if (trade.expiresAt() != null) {
            body.put("time_expire", rfc3339(trade.expiresAt()));
        }
        body.put("notify_url", notifyUrl(trade.notifyUrl()));
        body.putObject("amount").put("total", trade.amountMinor()).put("currency", currency(trade.currency()));
        if (trade.channel() == Channel.JSAPI) {
            body.putObject("payer").put("openid", required(trade.payerOpenId(), "JSAPI needs the payer's openid"));
        }
        if (trade.channel() == Channel.H5) {
            ObjectNode scene = body.putObject("scene_info")
                    .put("payer_client_ip", required(trade.clientIp(), "H5 needs the buyer's IP address"));
            scene.putObject("h5_info").put("type", "Wap");
        }
        return body.toString();
    }

    /** The body of a close: the merchant id only. */
    String close(String outTradeNo) {
        outTradeNo(outTradeNo);
        return JSON.createObjectNode().put("mchid", keys.mchId).toString();
    }

    String refund(RefundOrder refund) {
        outTradeNo(refund.outTradeNo());
        outRefundNo(refund.outRefundNo());
        ObjectNode body = JSON.createObjectNode();
        if (mode == Mode.GLOBAL) {
            body.put("mchid", keys.mchId).put("appid", keys.appId);
        }
        body.put("out_trade_no", refund.outTradeNo()).put("out_refund_no", refund.outRefundNo());
        if (refund.reason() != null && !refund.reason().isBlank()) {
            body.put("reason", truncateChars(refund.reason().strip(), REASON_CHARS));
        }
        if (refund.notifyUrl() != null) {
            body.put("notify_url", notifyUrl(refund.notifyUrl()));
        }
        body.putObject("amount")
                .put("refund", refund.refundMinor())
                .put("total", refund.totalMinor())
                .put("currency", currency(refund.currency()));
        return body.toString();
    }

    void outRefundNo(String outRefundNo) {
        if (outRefundNo == null || !OUT_REFUND_NO.matcher(outRefundNo).matches()) {
            throw invalid("out_refund_no must be 1-64 of [0-9A-Za-z_-|*@]: " + outRefundNo);
        }
    }

    void outTradeNo(String outTradeNo) {
        if (outTradeNo == null || !OUT_TRADE_NO.matcher(outTradeNo).matches()) {
            throw invalid("out_trade_no must be 6-32 of [0-9A-Za-z_-|*]: " + outTradeNo);
        }
    }

    /** At most 127 bytes of UTF-8, never cutting a character (nor a surrogate pair) in two. */
    static String description(String description) {
        String text = description == null || description.isBlank() ? "Origin Live" : description.strip();
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > DESCRIPTION_BYTES) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }

    /** RFC 3339 at Beijing time, whole seconds, as WeChat Pay's examples (2018-06-08T10:34:56+08:00). */
    static String rfc3339(Instant instant) {
        return RFC_3339.format(instant.atZone(BEIJING));
    }

    private static String truncateChars(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max));
    }

    private static String notifyUrl(String url) {
        URI uri;
        try {
            uri = URI.create(required(url, "notify_url is required"));
        } catch (IllegalArgumentException e) {
            throw invalid("notify_url is not a URL: " + url);
        }
        if (!uri.isAbsolute() || uri.getRawQuery() != null || uri.getRawFragment() != null || url.length() > 256) {
            throw invalid("notify_url must be an absolute URL of at most 256 characters, no query string: " + url);
        }
        return url;
    }

    private static String currency(String currency) {
        return currency == null ? "CNY" : currency;
    }

    private static String required(String value, String message) {
        if (value == null || value.isBlank()) {
            throw invalid(message);
        }
        return value;
    }

    private static GatewayException invalid(String message) {
        return new GatewayException("INVALID_REQUEST", message, false, null);
    }
}
