package org.originlive.payout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.originlive.common.ProblemException;

/**
 * A provider that settles on its own after {@code originlive.payouts.sandbox.settle-after}: it
 * calls back through the same handler as real providers, which confirms by asking {@link #status}
 * (the sandbox's own truth). An account number ending in 0000 fails with PAYEE_NOT_FOUND.
 */
@ApplicationScoped
public class SandboxProvider implements PayoutProvider {

    static final String PAYEE_NOT_FOUND = "PAYEE_NOT_FOUND";

    private final Instance<PayoutCallbacks> callbacks;
    private final PayoutConfig config;
    private final Vertx vertx;
    private final Clock clock;

    SandboxProvider(Instance<PayoutCallbacks> callbacks, PayoutConfig config, Vertx vertx, Clock clock) {
        this.callbacks = callbacks;
        this.config = config;
        this.vertx = vertx;
        this.clock = clock;
    }

    @Override
    public Provider name() {
        return Provider.SANDBOX;
    }

    @Override
    public Uni<Answer> send(Transfer transfer) {
        long delay = Math.max(1, config.sandbox().settleAfter().toMillis());
        vertx.setTimer(delay, id -> callBack(transfer.reference()));
        return Uni.createFrom().item(Answer.of(Outcome.ACCEPTED));
    }

    @Override
    public Uni<Answer> status(Transfer transfer) {
        if (clock.instant().isBefore(transfer.createdAt().plus(config.sandbox().settleAfter()))) {
            return Uni.createFrom().item(Answer.of(Outcome.PENDING));
        }
        return Uni.createFrom()
                .item(
                        transfer.accountNumber().endsWith("0000")
                                ? new Answer(Outcome.FAILED, PAYEE_NOT_FOUND)
                                : new Answer(Outcome.SUCCEEDED, "SANDBOX-" + transfer.reference()));
    }

    @Override
    public Claim read(Map<String, String> query, JsonNode body) {
        JsonNode reference = body == null ? null : body.get("reference");
        try {
            return new Claim(UUID.fromString(reference.asText()), null, false, null);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.badRequest("A sandbox callback is {\"reference\": \"<payout id>\"}");
        }
    }

    private void callBack(UUID reference) {
        JsonNode body = JsonNodeFactory.instance.objectNode().put("reference", reference.toString());
        callbacks
                .get()
                .handle(Provider.SANDBOX, Map.of(), body)
                .subscribe()
                .with(x -> {}, e -> Log.infof("Sandbox callback for %s: %s (the poller retries)", reference, e));
    }
}
