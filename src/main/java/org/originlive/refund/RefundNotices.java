package org.originlive.refund;

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
        return refunds.providerStatus(id, ProviderStatus.valueOf(state.status().name()), clock.instant())
                .invoke(found -> {
                    if (!found) {
                        throw new PaymentGateway.NoticeRejected("unknown refund " + outRefundNo);
                    }
                })
                .replaceWithVoid();
    }
}
