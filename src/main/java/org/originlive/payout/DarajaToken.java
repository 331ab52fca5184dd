package org.originlive.payout;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Daraja's access token, kept until 30 s before it expires and fetched by one call at a time.
 * Our own small cache because Daraja hands tokens out on a GET with the grant type in the query,
 * and the OIDC client only POSTs to token endpoints.
 */
final class DarajaToken {

    private static final long EARLY_SECONDS = 30;

    private final Uni<String> token;
    private volatile Instant staleAt = Instant.MAX;

    DarajaToken(Supplier<Uni<JsonNode>> fetch) {
        this.token = Uni.createFrom()
                .deferred(() -> {
                    staleAt = Instant.MAX;
                    return fetch.get();
                })
                .map(this::keep)
                .onFailure()
                .invoke(e -> staleAt = Instant.MIN)
                .memoize()
                .until(() -> !Instant.now().isBefore(staleAt));
    }

    Uni<String> get() {
        return token;
    }

    /** Daraja refused the token: the next call fetches another. */
    void forget() {
        staleAt = Instant.MIN;
    }

    private String keep(JsonNode body) {
        String value = body.path("access_token").asText(null);
        if (value == null) {
            throw new IllegalStateException("no access_token in the token response");
        }
        long seconds = Long.parseLong(body.path("expires_in").asText("60"));
        staleAt = Instant.now().plusSeconds(Math.max(0, seconds - EARLY_SECONDS));
        return value;
    }
}
