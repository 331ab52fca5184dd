package org.originlive.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every {@link PaymentProvider} bean, by method name. */
@ApplicationScoped
public class PaymentProviders {

    private final Map<String, PaymentProvider> byMethod;

    PaymentProviders(Instance<PaymentProvider> providers) {
        this.byMethod = providers.stream().collect(Collectors.toMap(PaymentProvider::method, Function.identity()));
    }

    public Optional<PaymentProvider> forMethod(String method) {
        return Optional.ofNullable(byMethod.get(method)).filter(PaymentProvider::enabled);
    }
}
