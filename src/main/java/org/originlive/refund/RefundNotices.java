package org.originlive.refund;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.originlive.payment.PaymentGateway;
import org.originlive.payment.Provider;
import org.originlive.payment.ProviderRefunds;

/** A provider's word on one of our refunds (numbered by the refund's id), recorded on it. */
@ApplicationScoped
public class RefundNotices implements ProviderRefunds {

    private final RefundRepository refunds;
    private final java.time.Clock clock;

    RefundNotices(RefundRepository refunds, java.time.Clock clock) {
        this.refunds = refunds;
        this.clock = clock;
    }

    @Override
    public Uni<Void> settled(
            Provider provider, String outTradeNo, String outRefundNo, PaymentGateway.RefundState state) {
        UUID id;
        try {
            id = UUID.fromString(outRefundNo.replaceFirst(
                    "(\\p{XDigit}{8})(\\p{XDigit}{4})(\\p{XDigit}{4})(\\p{XDigit}{4})(\\p{XDigit}{12})",
                    "$1-$2-$3-$4-$5"));
        } catch (IllegalArgumentException e) {
            throw new PaymentGateway.NoticeRejected("unknown refund " + outRefundNo);
        }
        return refunds.amount(id)
                .flatMap(amount -> {
                    if (amount.isEmpty()) {
                        throw new PaymentGateway.NoticeRejected("unknown refund " + outRefundNo);
                    }
                    if (!state.fits(amount.get())) {
                        Log.errorf(
                                "ALERT refund %s: %s reports %d refunded, the refund is %d; nothing changed",
                                id, provider, state.amountMinor(), amount.get());
                        throw new PaymentGateway.NoticeRejected("refunded amount differs from the refund's");
                    }
                    return refunds.providerStatus(
                            id, ProviderStatus.valueOf(state.status().name()), clock.instant());
                })
                .replaceWithVoid();
    }
}
