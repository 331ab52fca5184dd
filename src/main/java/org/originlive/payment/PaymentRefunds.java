package org.originlive.payment;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.Transactions;

/**
 * Buyers' refunds through the provider they paid with. The refund's id is the provider's refund
 * number ({@code out_refund_no}, {@code out_request_no}), so sending it again never refunds twice.
 */
@ApplicationScoped
public class PaymentRefunds {

    private final Transactions transactions;
    private final PaymentRepository payments;
    private final Gateways gateways;
    private final PaymentConfig config;

    PaymentRefunds(Transactions transactions, PaymentRepository payments, Gateways gateways, PaymentConfig config) {
        this.transactions = transactions;
        this.payments = payments;
        this.gateways = gateways;
        this.config = config;
    }

    /** The provider behind an order's {@code paymentMethod} when it is one of ours (wechat_pay, alipay). */
    public static Optional<Provider> provider(String paymentMethod) {
        if ("wechat_pay".equals(paymentMethod)) {
            return Optional.of(Provider.WECHAT_PAY);
        }
        if ("alipay".equals(paymentMethod)) {
            return Optional.of(Provider.ALIPAY);
        }
        return Optional.empty();
    }

    /** Sends (or sends again, under the same number) a refund of part of a paid trade. */
    public Uni<PaymentGateway.RefundState> refund(
            Provider provider, String outTradeNo, UUID refundId, long amountMinor, String reason) {
        return payment(outTradeNo).flatMap(p -> gateways.of(provider)
                .refund(new PaymentGateway.RefundOrder(
                        outTradeNo,
                        refundNo(refundId),
                        amountMinor,
                        p.amountMinor(),
                        p.currency(),
                        reason,
                        config.notifyUrl(provider))));
    }

    public Uni<PaymentGateway.RefundState> query(Provider provider, String outTradeNo, UUID refundId) {
        return gateways.of(provider).queryRefund(outTradeNo, refundNo(refundId));
    }

    /** A refund's number at the provider: its id's 32 hex digits. */
    public static String refundNo(UUID refundId) {
        return refundId.toString().replace("-", "");
    }

    private Uni<StoredPayment> payment(String outTradeNo) {
        return payments.byOutTradeNo(transactions.autoCommit(), outTradeNo, false)
                .map(found -> found.orElseThrow(() -> new IllegalStateException("No payment " + outTradeNo)));
    }
}
