package org.originlive.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.EnumMap;
import java.util.Map;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;

/** Every {@link PaymentGateway} bean, by provider. */
@ApplicationScoped
public class Gateways {

    private final Map<Provider, PaymentGateway> byProvider = new EnumMap<>(Provider.class);

    Gateways(Instance<PaymentGateway> gateways) {
        gateways.forEach(g -> byProvider.put(g.provider(), g));
    }

    /** The provider's gateway for this channel, or the contract's 422. */
    PaymentGateway require(Provider provider, Channel channel) {
        PaymentGateway gateway = byProvider.get(provider);
        if (gateway == null || !gateway.configured()) {
            throw new ProblemException(
                    ProblemType.PROVIDER_UNAVAILABLE, provider + " is not set up on this marketplace");
        }
        if (!gateway.channels().contains(channel)) {
            throw new ProblemException(
                    ProblemType.CHANNEL_UNSUPPORTED, provider + " does not offer the " + channel + " channel");
        }
        return gateway;
    }

    /** The gateway of a stored payment (its settings may since have gone: then it cannot be asked). */
    PaymentGateway of(Provider provider) {
        PaymentGateway gateway = byProvider.get(provider);
        if (gateway == null) {
            throw new IllegalStateException("No gateway for " + provider);
        }
        return gateway;
    }
}
