package org.originlive.support;

import static org.originlive.support.WechatPaySimulatorHandler.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import org.originlive.support.WechatPaySimulator.Failure;
import org.originlive.support.WechatPaySimulator.Refund;
import org.originlive.support.WechatPaySimulator.Trade;
import org.originlive.support.WechatPaySimulatorHandler.Answer;

/** What WeChat Pay does with each signed request: its checks, its state changes and its answers. */
final class WechatPaySimulatorRules {

    private final WechatPaySimulator simulator;

    WechatPaySimulatorRules(WechatPaySimulator simulator) {
        this.simulator = simulator;
    }

    Answer open(String area, String kind, JsonNode body) {
        String problem = openProblem(area, kind, body);
        if (problem != null) {
            return Answer.error(
                    problem.startsWith("/") ? 404 : 400,
                    problem.startsWith("/") ? "NO_SUCH_API" : "PARAM_ERROR",
                    problem);
        }
        String outTradeNo = body.path("out_trade_no").asText();
        String channel = "native".equals(kind) ? "NATIVE" : "jsapi".equals(kind) ? "JSAPI" : "H5";
        Trade opened = new Trade(
                outTradeNo,
                channel,
                area,
                body.path("amount").path("total").asLong(),
                body.path("amount").path("currency").asText(),
                body.path("description").asText(),
                body.path("time_expire").asText(null),
                body.path("notify_url").asText(),
                body.path("payer").path("openid").asText(null),
                body.path("scene_info").path("payer_client_ip").asText(null),
                "NOTPAY",
                null,
                null,
                body);
        Trade trade = simulator.trades.putIfAbsent(outTradeNo, opened);
        if (trade != null && ("SUCCESS".equals(trade.state()) || "REFUND".equals(trade.state()))) {
            return Answer.error(400, "ORDERPAID", "该订单已支付");
        }
        if (trade != null && !"NOTPAY".equals(trade.state())) {
            return Answer.error(400, "ORDER_CLOSED", "订单已关闭");
        }
        if (trade != null
                && (trade.amountMinor() != opened.amountMinor()
                        || !trade.channel().equals(channel))) {
            return Answer.error(400, "INVALID_REQUEST", "201 商户订单号重复");
        }
        return prepaid(kind, outTradeNo);
    }

    /** What an order placement answers: the QR code, the H5 page or the prepay id. */
    private Answer prepaid(String kind, String outTradeNo) {
        Duration delay = simulator.nextOpenDelay.getAndSet(null);
        ObjectNode answer = object();
        switch (kind) {
            case "native" -> answer.put("code_url", "weixin://wxpay/bizpayurl?pr=" + outTradeNo);
            case "jsapi" -> answer.put("prepay_id", "wx" + outTradeNo);
            default -> answer.put(
                    "h5_url",
                    "https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx" + outTradeNo
                            + "&package=1037687096");
        }
        return new Answer(200, answer.toString(), delay);
    }

    Answer query(String outTradeNo, String mchId) {
        if (!WechatPaySimulator.MCH_ID.equals(mchId)) {
            return Answer.error(400, "PARAM_ERROR", "mchid " + mchId);
        }
        Trade trade = simulator.trades.get(outTradeNo);
        return trade == null ? Answer.error(404, "ORDER_NOT_EXIST", "订单不存在") : Answer.of(200, transaction(trade));
    }

    Answer close(String outTradeNo, JsonNode body) {
        if (!WechatPaySimulator.MCH_ID.equals(body.path("mchid").asText())) {
            return Answer.error(400, "PARAM_ERROR", "mchid");
        }
        simulator.counted("close:" + outTradeNo);
        Trade trade = simulator.trades.get(outTradeNo);
        if (trade == null) {
            return Answer.error(404, "ORDER_NOT_EXIST", "订单不存在");
        }
        if ("SUCCESS".equals(trade.state()) || "REFUND".equals(trade.state())) {
            return Answer.error(400, "ORDERPAID", "订单已支付");
        }
        simulator.setTradeState(outTradeNo, "CLOSED");
        return new Answer(204, null, null);
    }

    Answer refund(boolean global, JsonNode body) {
        if (global
                && (!WechatPaySimulator.MCH_ID.equals(body.path("mchid").asText())
                        || !WechatPaySimulator.APP_ID.equals(body.path("appid").asText()))) {
            return Answer.error(400, "PARAM_ERROR", "mchid or appid");
        }
        String outRefundNo = body.path("out_refund_no").asText();
        simulator.counted("refund:" + outRefundNo);
        Failure failure = simulator.nextRefundFailure.getAndSet(null);
        if (failure != null) {
            return Answer.error(failure.status(), failure.code(), "simulated refusal");
        }
        Trade trade = simulator.trades.get(body.path("out_trade_no").asText());
        if (trade == null) {
            return Answer.error(404, "RESOURCE_NOT_EXISTS", "订单不存在");
        }
        String problem = refundProblem(trade, body);
        if (problem != null) {
            return Answer.error(400, "INVALID_REQUEST", problem);
        }
        JsonNode amount = body.path("amount");
        Refund made = new Refund(
                outRefundNo,
                trade.outTradeNo(),
                String.format("50%018d", ThreadLocalRandom.current().nextLong(100_000_000_000_000_000L)),
                amount.path("refund").asLong(),
                amount.path("total").asLong(),
                amount.path("currency").asText(),
                body.path("reason").asText(null),
                body.path("notify_url").asText(null),
                "PROCESSING");
        Refund refund = simulator.refunds.putIfAbsent(outRefundNo, made);
        if (refund != null && refund.refundMinor() != made.refundMinor()) {
            return Answer.error(400, "INVALID_REQUEST", "out_refund_no used with another amount");
        }
        simulator.setTradeState(trade.outTradeNo(), "REFUND");
        return Answer.of(200, refund(refund == null ? made : refund, trade));
    }

    Answer queryRefund(String outRefundNo, boolean global, String mchId) {
        if (global && !WechatPaySimulator.MCH_ID.equals(mchId)) {
            return Answer.error(400, "PARAM_ERROR", "mchid " + mchId);
        }
        Refund refund = simulator.refunds.get(outRefundNo);
        return refund == null
                ? Answer.error(404, "RESOURCE_NOT_EXISTS", "退款单不存在")
                : Answer.of(200, refund(refund, simulator.trades.get(refund.outTradeNo())));
    }

    /** The order placement's first broken rule, or null; a path mix-up starts with "/". */
    private static String openProblem(String area, String kind, JsonNode body) {
        boolean global = "global".equals(area);
        if (global ? "h5".equals(kind) : "mweb".equals(kind)) {
            return "/v3/" + area + "/transactions/" + kind + " does not exist";
        }
        if (!WechatPaySimulator.APP_ID.equals(body.path("appid").asText())
                || !WechatPaySimulator.MCH_ID.equals(body.path("mchid").asText())) {
            return "appid and mchid must be the merchant's";
        }
        if (global != body.has("trade_type")
                || (global && !kind.toUpperCase().equals(body.path("trade_type").asText()))
                || global != body.hasNonNull("merchant_category_code")) {
            return "trade_type and merchant_category_code belong to global orders only";
        }
        String description = body.path("description").asText("");
        if (!body.path("out_trade_no").asText().matches("[0-9A-Za-z_\\-|*]{6,32}")) {
            return "out_trade_no must be 6-32 of [0-9A-Za-z_-|*]";
        }
        if (description.isEmpty() || description.getBytes(StandardCharsets.UTF_8).length > 127) {
            return "description must be 1-127 bytes";
        }
        String notifyUrl = body.path("notify_url").asText("");
        if (!notifyUrl.matches("https?://[^?#]+")) {
            return "notify_url must be a URL without a query string";
        }
        if (body.path("amount").path("total").asLong() < 1
                || !body.path("amount").hasNonNull("currency")) {
            return "amount.total (fen) and amount.currency are required";
        }
        return sceneProblem(kind, body);
    }

    private static String sceneProblem(String kind, JsonNode body) {
        if ("jsapi".equals(kind) && body.path("payer").path("openid").asText("").isEmpty()) {
            return "payer.openid is required for JSAPI";
        }
        JsonNode scene = body.path("scene_info");
        boolean h5 = "h5".equals(kind) || "mweb".equals(kind);
        if (h5
                && (scene.path("payer_client_ip").asText("").isEmpty()
                        || scene.path("h5_info").path("type").asText("").isEmpty())) {
            return "scene_info.payer_client_ip and scene_info.h5_info.type are required for H5";
        }
        if (body.has("time_expire")) {
            try {
                OffsetDateTime.parse(body.path("time_expire").asText());
            } catch (DateTimeParseException e) {
                return "time_expire must be RFC 3339";
            }
        }
        return null;
    }

    private String refundProblem(Trade trade, JsonNode body) {
        if (!"SUCCESS".equals(trade.state()) && !"REFUND".equals(trade.state())) {
            return "订单未支付";
        }
        JsonNode amount = body.path("amount");
        if (amount.path("total").asLong() != trade.amountMinor()) {
            return "amount.total is not the order's total";
        }
        long refunded = simulator.refunds.values().stream()
                .filter(r -> r.outTradeNo().equals(trade.outTradeNo()))
                .filter(r -> !r.outRefundNo().equals(body.path("out_refund_no").asText()))
                .mapToLong(Refund::refundMinor)
                .sum();
        long refund = amount.path("refund").asLong();
        return refund < 1 || refunded + refund > trade.amountMinor() ? "refund exceeds what is left" : null;
    }

    static ObjectNode transaction(Trade trade) {
        ObjectNode json = object().put("appid", WechatPaySimulator.APP_ID)
                .put("mchid", WechatPaySimulator.MCH_ID)
                .put("out_trade_no", trade.outTradeNo())
                .put("trade_type", "H5".equals(trade.channel()) ? "MWEB" : trade.channel())
                .put("trade_state", trade.state())
                .put("trade_state_desc", trade.state());
        if (trade.transactionId() != null) {
            json.put("transaction_id", trade.transactionId()).put("bank_type", "OTHERS");
            json.put("success_time", rfc3339(trade.successTime()));
        }
        if (trade.payerOpenId() != null) {
            json.putObject("payer").put("openid", trade.payerOpenId());
        }
        json.putObject("amount")
                .put("total", trade.amountMinor())
                .put("payer_total", trade.amountMinor())
                .put("currency", trade.currency())
                .put("payer_currency", trade.currency());
        return json;
    }

    static ObjectNode refund(Refund refund, Trade trade) {
        ObjectNode json = object().put("refund_id", refund.refundId())
                .put("out_refund_no", refund.outRefundNo())
                .put("transaction_id", trade == null ? null : trade.transactionId())
                .put("out_trade_no", refund.outTradeNo())
                .put("channel", "ORIGINAL")
                .put("user_received_account", "支付用户零钱")
                .put("create_time", rfc3339(Instant.now()))
                .put("status", refund.status());
        json.putObject("amount")
                .put("total", refund.totalMinor())
                .put("refund", refund.refundMinor())
                .put("payer_total", refund.totalMinor())
                .put("payer_refund", refund.refundMinor())
                .put("currency", refund.currency());
        return json;
    }

    static String rfc3339(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").format(instant.atOffset(ZoneOffset.ofHours(8)));
    }
}
