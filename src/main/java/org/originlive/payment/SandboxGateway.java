package org.originlive.payment;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The demo's provider: its "payment page" is the app's own sandbox page, whose button tells
 * {@link PaymentSettlement} that the buyer paid. It keeps no state; it never sends notifications.
 */
@ApplicationScoped
public class SandboxGateway implements PaymentGateway {

    private final PaymentConfig config;

    SandboxGateway(PaymentConfig config) {
        this.config = config;
    }

    @Override
    public Provider provider() {
        return Provider.SANDBOX;
    }

    @Override
    public boolean configured() {
        return config.sandbox();
    }

    @Override
    public Set<Channel> channels() {
        return EnumSet.allOf(Channel.class);
    }

    @Override
    public Uni<Action> open(Trade trade) {
        return Uni.createFrom().item(Action.redirect("/sandbox-pay.html?trade=" + trade.outTradeNo()));
    }

    @Override
    public Uni<TradeState> query(String outTradeNo) {
        return Uni.createFrom().item(TradeState.of(TradeStatus.NOT_PAID));
    }

    @Override
    public Uni<TradeState> close(String outTradeNo) {
        return Uni.createFrom().item(TradeState.of(TradeStatus.CLOSED));
    }

    @Override
    public Uni<RefundState> refund(RefundOrder refund) {
        return Uni.createFrom().item(new RefundState(RefundStatus.SUCCEEDED, "sandbox_" + refund.outRefundNo()));
    }

    @Override
    public Uni<RefundState> queryRefund(String outTradeNo, String outRefundNo) {
        return Uni.createFrom().item(new RefundState(RefundStatus.SUCCEEDED, "sandbox_" + outRefundNo));
    }

    @Override
    public Notice verify(Map<String, String> headers, String body) {
        throw new NoticeRejected("The sandbox sends no notifications");
    }

    @Override
    public Answer answer(boolean accepted, String reason) {
        return new Answer(accepted ? 204 : 400, "text/plain", accepted ? "" : reason);
    }
}
