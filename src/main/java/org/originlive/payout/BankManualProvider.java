package org.originlive.payout;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.originlive.common.ProblemException;

/** A bank transfer an admin makes by hand and then marks paid or failed. */
@ApplicationScoped
public class BankManualProvider implements PayoutProvider {

    @Override
    public Provider name() {
        return Provider.BANK_MANUAL;
    }

    @Override
    public Uni<Answer> send(Transfer transfer) {
        return Uni.createFrom().item(Answer.of(Outcome.ACCEPTED));
    }

    @Override
    public Uni<Answer> status(Transfer transfer) {
        return Uni.createFrom().item(Answer.of(Outcome.PENDING));
    }

    @Override
    public Claim read(Map<String, String> query, JsonNode body) {
        throw ProblemException.badRequest("BANK_MANUAL payouts are settled by an admin, not by callbacks");
    }
}
