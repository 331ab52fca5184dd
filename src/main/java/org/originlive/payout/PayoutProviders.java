package org.originlive.payout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.EnumMap;
import java.util.Map;

/** The adapter for each provider a destination can name. */
@ApplicationScoped
public class PayoutProviders {

    private final Map<Provider, PayoutProvider> byName = new EnumMap<>(Provider.class);

    PayoutProviders(Instance<PayoutProvider> adapters) {
        adapters.forEach(adapter -> byName.put(adapter.name(), adapter));
    }

    PayoutProvider get(Provider name) {
        PayoutProvider adapter = byName.get(name);
        if (adapter == null) {
            throw new IllegalStateException("No adapter for " + name);
        }
        return adapter;
    }
}
