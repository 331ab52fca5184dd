package org.originlive.payment;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import org.originlive.payment.PaymentGateway.Action;
import org.originlive.payment.PaymentGateway.GatewayException;
import org.originlive.payment.PaymentGateway.RefundOrder;
import org.originlive.payment.PaymentGateway.RefundState;
import org.originlive.payment.PaymentGateway.RefundStatus;
import org.originlive.payment.PaymentGateway.TradeState;
import org.originlive.payment.PaymentGateway.TradeStatus;

/**
 * Alipay's trades and refunds in the seam's terms.
 *
 * <ul>
 *   <li>query: WAIT_BUYER_PAY and ACQ.TRADE_NOT_EXIST (not scanned yet) are NOT_PAID;
 *       TRADE_SUCCESS and TRADE_FINISHED are PAID; TRADE_CLOSED is CLOSED, or REFUNDED when the
 *       trade had been paid ({@code send_pay_date}): Alipay closes a trade refunded in full.
 *   <li>close: ACQ.TRADE_NOT_EXIST is CLOSED too. A precreated trade that nobody scanned exists
 *       nowhere; once closed, a scan is refused (observed, not documented), and a payment that still
 *       arrives before {@code time_expire} is a late payment the core refunds. A close refused
 *       because the trade is no longer waiting (ACQ.TRADE_STATUS_ERROR) answers what query says:
 *       PAID when the buyer paid meanwhile.
 *   <li>refund: under out_request_no, so a repeat moves no money (Alipay answers it with
 *       {@code fund_change=N}). {@code fund_change=Y} is SUCCEEDED; otherwise the refund query
 *       decides, PROCESSING until it says REFUND_SUCCESS. A business refusal (40004) is FAILED.
 *   <li>refund query: {@code refund_status=REFUND_SUCCESS} is SUCCEEDED; without it, Alipay's
 *       documentation says the refund was not received or failed: FAILED (retry under the same number).
 * </ul>
 * An error that leaves the outcome unknown (no answer, a system error) is an unreachable
 * GatewayException; nothing is re-sent here.
 */
final class AlipayTrades {

    static final String PRECREATE = "alipay.trade.precreate";
    static final String QUERY = "alipay.trade.query";
    static final String CLOSE = "alipay.trade.close";
    static final String REFUND = "alipay.trade.refund";
    static final String REFUND_QUERY = "alipay.trade.fastpay.refund.query";
    private static final String TRADE_NOT_EXIST = "ACQ.TRADE_NOT_EXIST";

    private final AlipayCalls calls;

    AlipayTrades(AlipayCalls calls) {
        this.calls = calls;
    }

    Uni<Action> precreate(ObjectNode biz, String notifyUrl) {
        return calls.call(PRECREATE, biz, notifyUrl).map(reply -> {
            if (!reply.ok() || reply.text("qr_code") == null) {
                throw reply.failure(PRECREATE);
            }
            return Action.qr(reply.text("qr_code"));
        });
    }

    Uni<TradeState> query(String outTradeNo) {
        return calls.call(QUERY, trade(outTradeNo), null).map(AlipayTrades::state);
    }

    Uni<TradeState> close(String outTradeNo) {
        return calls.call(CLOSE, trade(outTradeNo), null).flatMap(reply -> {
            if (reply.ok() || reply.is(TRADE_NOT_EXIST)) {
                return Uni.createFrom().item(TradeState.of(TradeStatus.CLOSED));
            }
            if (!reply.is("ACQ.TRADE_STATUS_ERROR", "ACQ.REASON_ILLEGAL_STATUS", "ACQ.REASON_TRADE_STATUS_INVALID")) {
                return Uni.createFrom().failure(reply.failure(CLOSE));
            }
            return query(outTradeNo).map(state -> {
                if (state.status() == TradeStatus.NOT_PAID) {
                    throw reply.failure(CLOSE);
                }
                return state;
            });
        });
    }

    Uni<RefundState> refund(RefundOrder order) {
        return Uni.createFrom()
                .item(() -> refundBiz(order))
                .flatMap(biz -> calls.call(REFUND, biz, null))
                .flatMap(reply -> {
                    if (reply.ok() && "Y".equals(reply.text("fund_change"))) {
                        return Uni.createFrom().item(new RefundState(RefundStatus.SUCCEEDED, reply.text("trade_no")));
                    }
                    if (reply.ok()) {
                        return queryRefund(order.outTradeNo(), order.outRefundNo())
                                .map(state -> state.status() == RefundStatus.SUCCEEDED
                                        ? state
                                        : new RefundState(RefundStatus.PROCESSING, reply.text("trade_no")))
                                .onFailure()
                                .recoverWithItem(new RefundState(RefundStatus.PROCESSING, reply.text("trade_no")));
                    }
                    return refused(reply, order.outRefundNo());
                });
    }

    Uni<RefundState> queryRefund(String outTradeNo, String outRefundNo) {
        ObjectNode biz = trade(outTradeNo).put("out_request_no", outRefundNo);
        return calls.call(REFUND_QUERY, biz, null).map(reply -> {
            if (reply.ok() && "REFUND_SUCCESS".equals(reply.text("refund_status"))) {
                return new RefundState(RefundStatus.SUCCEEDED, reply.text("trade_no"));
            }
            if (reply.ok() || reply.is(TRADE_NOT_EXIST)) {
                return new RefundState(RefundStatus.FAILED, reply.text("trade_no"));
            }
            throw reply.failure(REFUND_QUERY);
        });
    }

    private static Uni<RefundState> refused(AlipayReply reply, String outRefundNo) {
        if (!reply.refused()) {
            return Uni.createFrom().failure(reply.failure(REFUND));
        }
        Log.warnf("Alipay refused refund %s: %s (%s)", outRefundNo, reply.subCode(), reply.subMsg());
        return Uni.createFrom().item(new RefundState(RefundStatus.FAILED, null));
    }

    private static TradeState state(AlipayReply reply) {
        if (reply.is(TRADE_NOT_EXIST)) {
            return TradeState.of(TradeStatus.NOT_PAID);
        }
        if (!reply.ok()) {
            throw reply.failure(QUERY);
        }
        String status = String.valueOf(reply.text("trade_status"));
        return switch (status) {
            case "WAIT_BUYER_PAY" -> TradeState.of(TradeStatus.NOT_PAID);
            case "TRADE_SUCCESS", "TRADE_FINISHED" -> paid(reply, TradeStatus.PAID);
            case "TRADE_CLOSED" -> reply.text("send_pay_date") == null
                    ? TradeState.of(TradeStatus.CLOSED)
                    : paid(reply, TradeStatus.REFUNDED);
            default -> throw new GatewayException("unknown-trade-status", "Alipay trade_status " + status, false, null);
        };
    }

    private static TradeState paid(AlipayReply reply, TradeStatus status) {
        String paidAt = reply.text("send_pay_date");
        return new TradeState(
                status,
                reply.text("trade_no"),
                AlipayFormat.fen(reply.text("total_amount")),
                "CNY",
                paidAt == null ? null : AlipayFormat.instant(paidAt));
    }

    private static ObjectNode refundBiz(RefundOrder order) {
        String number = order.outRefundNo();
        if (!AlipayFormat.validOutTradeNo(order.outTradeNo())
                || number == null
                || number.isBlank()
                || number.length() > 64) {
            throw AlipayGateway.invalid("invalid-refund", "out_trade_no and out_request_no of at most 64 characters");
        }
        if (!"CNY".equals(order.currency()) || order.refundMinor() <= 0) {
            throw AlipayGateway.invalid("invalid-amount", "Alipay refunds a positive amount of CNY");
        }
        ObjectNode biz = trade(order.outTradeNo())
                .put("refund_amount", AlipayFormat.yuan(order.refundMinor()))
                .put("out_request_no", number);
        if (order.reason() != null && !order.reason().isBlank()) {
            biz.put("refund_reason", AlipayFormat.subject(order.reason()));
        }
        return biz;
    }

    private static ObjectNode trade(String outTradeNo) {
        return JsonNodeFactory.instance.objectNode().put("out_trade_no", outTradeNo);
    }
}
