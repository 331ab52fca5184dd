package org.originlive.payout;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Objects;
import org.originlive.common.ProblemException;
import org.originlive.common.Transactions;

/**
 * Provider callbacks. A callback only names a payout: unless the provider proved it sent it, the
 * outcome is taken from a status query to the provider, and only a SUBMITTED payout can change.
 */
@ApplicationScoped
public class PayoutCallbacks {

    private final Transactions transactions;

    private final PayoutRepository payouts;
    private final PayoutProviders providers;
    private final PayoutSettlement settlement;

    PayoutCallbacks(
            Transactions transactions,
            PayoutRepository payouts,
            PayoutProviders providers,
            PayoutSettlement settlement) {
        this.transactions = transactions;
        this.payouts = payouts;
        this.providers = providers;
        this.settlement = settlement;
    }

    public Uni<PayoutApi.CallbackAnswer> handle(Provider name, Map<String, String> query, JsonNode body) {
        PayoutProvider provider = providers.get(name);
        PayoutProvider.Claim claim = provider.read(query, body);
        return payouts.find(transactions.autoCommit(), claim.reference()).flatMap(found -> {
            StoredPayout payout = found.filter(p -> p.provider() == name)
                    .orElseThrow(() -> ProblemException.notFound("Payout", claim.reference()));
            if (claim.amount() != null
                    && !Objects.equals(
                            Fx.minor(claim.amount(), payout.transfer().currency()), payout.destinationAmountMinor())) {
                throw ProblemException.invalid("amount", "does not match the payout");
            }
            if (payout.status() != PayoutStatus.SUBMITTED) {
                return Uni.createFrom().item(new PayoutApi.CallbackAnswer(payout.id(), payout.status(), false));
            }
            Uni<PayoutProvider.Answer> truth =
                    claim.verified() ? Uni.createFrom().item(claim.answer()) : provider.status(payout.transfer());
            return truth.flatMap(answer -> settlement.apply(payout.id(), answer))
                    .flatMap(changed -> payouts.find(transactions.autoCommit(), payout.id())
                            .map(now -> new PayoutApi.CallbackAnswer(
                                    payout.id(), now.orElseThrow().status(), changed)));
        });
    }
}
