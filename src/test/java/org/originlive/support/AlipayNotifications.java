package org.originlive.support;

import static org.originlive.support.AlipaySimulatedTrades.TIME;
import static org.originlive.support.AlipaySimulatedTrades.yuan;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/** The parameters of Alipay's asynchronous notifications (trade_status_sync), before signing. */
final class AlipayNotifications {

    private final AlipaySimulatedTrades trades;

    AlipayNotifications(AlipaySimulatedTrades trades) {
        this.trades = trades;
    }

    /** What Alipay signs in a notification: every parameter but sign and sign_type, sorted, as they are. */
    static String content(Map<String, String> params) {
        return new TreeMap<>(params)
                .entrySet().stream()
                        .filter(e -> !e.getKey().equals("sign") && !e.getKey().equals("sign_type"))
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("&"));
    }

    Map<String, String> paid(String outTradeNo) {
        AlipaySimulatedTrades.Trade trade = trades.pay(outTradeNo);
        Map<String, String> params = common(trade, "TRADE_SUCCESS");
        params.put("total_amount", yuan(trade.totalFen));
        params.put("receipt_amount", yuan(trade.totalFen));
        params.put("buyer_pay_amount", yuan(trade.totalFen));
        params.put("gmt_payment", TIME.format(trade.paidAt));
        return params;
    }

    Map<String, String> refund(String outTradeNo, String outRequestNo) {
        AlipaySimulatedTrades.Trade trade = trades.trade(outTradeNo);
        if (!trade.refunds.containsKey(outRequestNo)) {
            throw new IllegalStateException("No refund " + outRequestNo + " of " + outTradeNo);
        }
        Map<String, String> params = common(trade, trade.status);
        params.put("total_amount", yuan(trade.totalFen));
        params.put("gmt_payment", TIME.format(trade.paidAt));
        params.put("refund_fee", yuan(trade.refunded()));
        params.put("gmt_refund", TIME.format(Instant.now()) + ".000");
        params.put("out_biz_no", outRequestNo);
        return params;
    }

    Map<String, String> closed(String outTradeNo) {
        AlipaySimulatedTrades.Trade trade = trades.trade(outTradeNo);
        Map<String, String> params = common(trade, "TRADE_CLOSED");
        params.put("total_amount", yuan(trade.totalFen));
        params.put("gmt_close", TIME.format(Instant.now()));
        return params;
    }

    private static Map<String, String> common(AlipaySimulatedTrades.Trade trade, String status) {
        Map<String, String> params = new TreeMap<>();
        params.put("notify_time", TIME.format(Instant.now()));
        params.put("notify_type", "trade_status_sync");
        params.put("notify_id", UUID.randomUUID().toString().replace("-", ""));
        params.put("app_id", AlipaySimulator.APP_ID);
        params.put("charset", "utf-8");
        params.put("version", "1.0");
        params.put("trade_no", trade.tradeNo);
        params.put("out_trade_no", trade.outTradeNo);
        params.put("seller_id", AlipaySimulator.SELLER_ID);
        params.put("buyer_id", "2088102177846880");
        params.put("trade_status", status);
        params.put("subject", trade.subject);
        return params;
    }
}
