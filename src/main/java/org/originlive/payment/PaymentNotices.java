package org.originlive.payment;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** A provider's notification: verified by its gateway, then applied; answered in its format. */
@ApplicationScoped
public class PaymentNotices {

    private final Gateways gateways;
    private final PaymentSettlement settlement;
    private final ProviderRefunds refunds;

    PaymentNotices(Gateways gateways, PaymentSettlement settlement, ProviderRefunds refunds) {
        this.gateways = gateways;
        this.settlement = settlement;
        this.refunds = refunds;
    }

    Uni<PaymentGateway.Answer> handle(Provider provider, Map<String, String> headers, String body) {
        PaymentGateway gateway = gateways.of(provider);
        if (!gateway.configured()) {
            return Uni.createFrom().item(gateway.answer(false, "not configured"));
        }
        PaymentGateway.Notice notice;
        try {
            notice = gateway.verify(headers, body);
        } catch (PaymentGateway.NoticeRejected e) {
            Log.warnf("Rejected a %s notification: %s", provider, e.getMessage());
            return Uni.createFrom().item(gateway.answer(false, "verification failed"));
        }
        Uni<?> applied;
        if (!notice.isRefund()) {
            applied = settlement.apply(provider, notice.outTradeNo(), notice.trade());
        } else if (notice.outRefundNo().startsWith("L")) {
            applied = settlement.lateRefunded(provider, notice.outTradeNo(), notice.refund());
        } else {
            applied = refunds.settled(provider, notice.outTradeNo(), notice.outRefundNo(), notice.refund());
        }
        return applied.map(x -> gateway.answer(true, null))
                .onFailure(PaymentGateway.NoticeRejected.class)
                .recoverWithItem(e -> {
                    Log.warnf("Rejected a %s notification: %s", provider, e.getMessage());
                    return gateway.answer(false, "not accepted");
                });
    }
}
