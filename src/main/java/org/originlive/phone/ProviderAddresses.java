package org.originlive.phone;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.originlive.common.ProblemException;
import org.originlive.ratelimit.ClientAddress;

/** Africa's Talking's callbacks are taken only from {@code ORIGINLIVE_USSD_ALLOWED} addresses. */
@ApplicationScoped
class ProviderAddresses {

    private final Set<String> allowed;

    ProviderAddresses(UssdConfig config) {
        this.allowed = config.allowed().orElse(List.of()).stream()
                .map(String::trim)
                .filter(a -> !a.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** 403 for any other client address (the one the rate limits key on). */
    void require(HttpServerRequest request) {
        if (!allowed.contains(ClientAddress.of(request))) {
            throw ProblemException.forbidden("Only the SMS and USSD provider may call this");
        }
    }
}
