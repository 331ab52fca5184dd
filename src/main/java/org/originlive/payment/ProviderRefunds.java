package org.originlive.payment;

import io.smallrye.mutiny.Uni;

/**
 * Where a provider's word on a refund goes: the refund feature implements it for buyers'
 * refunds (numbered by the refund's id); late payments' refunds ({@code L…}) stay here.
 */
public interface ProviderRefunds {

    /** Records the refund's state at the provider; an unknown refund number is rejected. */
    Uni<Void> settled(Provider provider, String outTradeNo, String outRefundNo, PaymentGateway.RefundState state);
}
