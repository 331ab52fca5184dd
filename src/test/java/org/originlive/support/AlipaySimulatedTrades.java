package org.originlive.support;

import static org.originlive.support.AlipaySimulatedGateway.error;
import static org.originlive.support.AlipaySimulatedGateway.fen;
import static org.originlive.support.AlipaySimulatedGateway.ok;
import static org.originlive.support.AlipaySimulatedGateway.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The trades the simulated Alipay knows and its answers about them (the rules: {@link AlipaySimulator}). */
final class AlipaySimulatedTrades {

    static final String PRECREATED = "PRECREATED";
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    /** One trade. PRECREATED is the simulator's own state: Alipay knows no such trade until it is scanned. */
    static final class Trade {
        final String outTradeNo;
        final long totalFen;
        final String subject;
        final String tradeNo;
        volatile String status;
        volatile Instant paidAt;
        volatile boolean closedBeforeScan;
        final Map<String, Long> refunds = new ConcurrentHashMap<>();

        Trade(String outTradeNo, long totalFen, String subject, String tradeNo, String status) {
            this.outTradeNo = outTradeNo;
            this.totalFen = totalFen;
            this.subject = subject;
            this.tradeNo = tradeNo;
            this.status = status;
        }

        long refunded() {
            return refunds.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    final Map<String, Trade> trades = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> refundCalls = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> closes = new ConcurrentHashMap<>();
    volatile boolean failNextRefund;
    private final AtomicLong sequence = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    synchronized ObjectNode precreate(JsonNode biz) {
        ObjectNode invalid = invalid(biz);
        if (invalid != null) {
            return invalid;
        }
        Trade trade = trades.computeIfAbsent(text(biz, "out_trade_no"), out -> create(biz, PRECREATED));
        if ("TRADE_SUCCESS".equals(trade.status) || "TRADE_CLOSED".equals(trade.status)) {
            return error(
                    "40004",
                    "TRADE_SUCCESS".equals(trade.status) ? "ACQ.TRADE_HAS_SUCCESS" : "ACQ.TRADE_HAS_CLOSE",
                    "交易已结束");
        }
        return ok().put("out_trade_no", trade.outTradeNo)
                .put("qr_code", "https://qr.alipay.com/bax" + trade.tradeNo.substring(8));
    }

    /** The buyer's browser opened a page or WAP cashier: the trade exists from now on. */
    synchronized boolean openCashier(JsonNode biz, String method) {
        String product = method.endsWith("wap.pay") ? "QUICK_WAP_WAY" : "FAST_INSTANT_TRADE_PAY";
        if (invalid(biz) != null || !product.equals(text(biz, "product_code"))) {
            return false;
        }
        trades.computeIfAbsent(text(biz, "out_trade_no"), out -> create(biz, "WAIT_BUYER_PAY"));
        return true;
    }

    synchronized ObjectNode query(String outTradeNo) {
        Trade trade = trades.get(String.valueOf(outTradeNo));
        if (trade == null || PRECREATED.equals(trade.status)) {
            return error("40004", "ACQ.TRADE_NOT_EXIST", "交易不存在");
        }
        ObjectNode answer = ok().put("trade_no", trade.tradeNo)
                .put("out_trade_no", trade.outTradeNo)
                .put("trade_status", trade.status)
                .put("total_amount", yuan(trade.totalFen))
                .put("buyer_pay_amount", yuan(trade.paidAt == null ? 0 : trade.totalFen));
        if (trade.paidAt != null) {
            answer.put("send_pay_date", TIME.format(trade.paidAt));
        }
        return answer;
    }

    synchronized ObjectNode close(String outTradeNo) {
        closes.computeIfAbsent(String.valueOf(outTradeNo), n -> new AtomicInteger())
                .incrementAndGet();
        Trade trade = trades.get(String.valueOf(outTradeNo));
        if (trade == null || PRECREATED.equals(trade.status)) {
            if (trade != null) {
                trade.closedBeforeScan = true;
            }
            return error("40004", "ACQ.TRADE_NOT_EXIST", "交易不存在");
        }
        if (!"WAIT_BUYER_PAY".equals(trade.status)) {
            return error("40004", "ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
        }
        trade.status = "TRADE_CLOSED";
        return ok().put("trade_no", trade.tradeNo).put("out_trade_no", trade.outTradeNo);
    }

    synchronized ObjectNode refund(JsonNode biz) {
        String outTradeNo = String.valueOf(text(biz, "out_trade_no"));
        String number = text(biz, "out_request_no") == null ? outTradeNo : text(biz, "out_request_no");
        refundCalls.computeIfAbsent(number, n -> new AtomicInteger()).incrementAndGet();
        Trade trade = trades.get(outTradeNo);
        if (trade == null || PRECREATED.equals(trade.status)) {
            return error("40004", "ACQ.TRADE_NOT_EXIST", "交易不存在");
        }
        if (failNextRefund) {
            failNextRefund = false;
            return error("40004", "ACQ.SELLER_BALANCE_NOT_ENOUGH", "卖家余额不足");
        }
        long fen = fen(String.valueOf(text(biz, "refund_amount")));
        if (!trade.refunds.containsKey(number)) {
            if (trade.paidAt == null) {
                return error("40004", "ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
            }
            if (fen <= 0 || fen > trade.totalFen - trade.refunded()) {
                return error("40004", "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限");
            }
            trade.refunds.put(number, fen);
            trade.status = trade.refunded() == trade.totalFen ? "TRADE_CLOSED" : trade.status;
            return refunded(trade, "Y");
        }
        // The same out_request_no again: Alipay answers success and moves no money.
        return refunded(trade, "N");
    }

    synchronized ObjectNode refundQuery(JsonNode biz) {
        Trade trade = trades.get(String.valueOf(text(biz, "out_trade_no")));
        if (trade == null || PRECREATED.equals(trade.status)) {
            return error("40004", "ACQ.TRADE_NOT_EXIST", "交易不存在");
        }
        ObjectNode answer = ok().put("trade_no", trade.tradeNo).put("out_trade_no", trade.outTradeNo);
        String number = String.valueOf(text(biz, "out_request_no"));
        Long fen = trade.refunds.get(number);
        if (fen != null) {
            answer.put("out_request_no", number)
                    .put("refund_amount", yuan(fen))
                    .put("total_amount", yuan(trade.totalFen))
                    .put("refund_status", "REFUND_SUCCESS");
        }
        return answer;
    }

    synchronized void scan(String outTradeNo) {
        Trade trade = trade(outTradeNo);
        if (trade.closedBeforeScan) {
            throw new IllegalStateException(
                    outTradeNo + " was closed before anyone scanned it: Alipay refuses the scan");
        }
        if (PRECREATED.equals(trade.status)) {
            trade.status = "WAIT_BUYER_PAY";
        }
    }

    synchronized Trade pay(String outTradeNo) {
        scan(outTradeNo);
        Trade trade = trade(outTradeNo);
        if ("WAIT_BUYER_PAY".equals(trade.status)) {
            trade.status = "TRADE_SUCCESS";
            trade.paidAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        } else if (!"TRADE_SUCCESS".equals(trade.status)) {
            throw new IllegalStateException(outTradeNo + " is " + trade.status + ": it cannot be paid");
        }
        return trade;
    }

    /** Alipay closing an unpaid trade itself, as at its time_expire. */
    synchronized void expire(String outTradeNo) {
        Trade trade = trade(outTradeNo);
        if (trade.paidAt == null) {
            trade.status = "TRADE_CLOSED";
            trade.closedBeforeScan = true;
        }
    }

    Trade trade(String outTradeNo) {
        Trade trade = trades.get(outTradeNo);
        if (trade == null) {
            throw new IllegalStateException("The simulated Alipay never saw " + outTradeNo);
        }
        return trade;
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    private ObjectNode refunded(Trade trade, String fundChange) {
        return ok().put("trade_no", trade.tradeNo)
                .put("out_trade_no", trade.outTradeNo)
                .put("fund_change", fundChange)
                .put("refund_fee", yuan(trade.refunded()))
                .put("gmt_refund_pay", TIME.format(Instant.now()));
    }

    private Trade create(JsonNode biz, String status) {
        String tradeNo = DateTimeFormatter.BASIC_ISO_DATE
                        .withZone(ZoneId.of("Asia/Shanghai"))
                        .format(Instant.now()) + "22001" + String.format("%015d", sequence.incrementAndGet());
        return new Trade(
                text(biz, "out_trade_no"), fen(text(biz, "total_amount")), text(biz, "subject"), tradeNo, status);
    }

    /** Alipay's checks of a new trade: the number, a yuan amount with two decimals, a subject without / = &. */
    private static ObjectNode invalid(JsonNode biz) {
        String out = text(biz, "out_trade_no");
        String amount = text(biz, "total_amount");
        String subject = text(biz, "subject");
        boolean twoDecimals = amount != null && amount.matches("\\d+\\.\\d{2}");
        if (out == null || !out.matches("[A-Za-z0-9_]{1,64}") || !twoDecimals || fen(amount) <= 0) {
            return error("40004", "ACQ.INVALID_PARAMETER", "参数无效");
        }
        if (subject == null || subject.isBlank() || subject.matches("(?s).*[/=&].*") || subject.length() > 256) {
            return error("40004", "ACQ.INVALID_PARAMETER", "subject 参数无效");
        }
        return null;
    }
}
