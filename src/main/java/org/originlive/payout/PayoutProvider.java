package org.originlive.payout;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;

/**
 * One way of paying a cooperative. Every call carries our own reference (the payout id), so a
 * repeated call is the same transfer to the provider, never a second one.
 */
public interface PayoutProvider {

    Provider name();

    /** Hands the transfer to the provider; never fails, an error is an {@link Answer} of UNKNOWN. */
    Uni<Answer> send(Transfer transfer);

    /** Asks the provider what became of the transfer; never fails. */
    Uni<Answer> status(Transfer transfer);

    /** Reads a callback; a body that is not this provider's is a 400. */
    Claim read(Map<String, String> query, JsonNode body);

    /** What is paid where, under which reference. */
    record Transfer(
            UUID reference,
            long amountMinor,
            Currency currency,
            String accountName,
            String accountNumber,
            Instant createdAt) {}

    enum Outcome {
        /** The provider took the transfer and will settle it later. */
        ACCEPTED,
        SUCCEEDED,
        FAILED,
        /** Known to the provider, not settled yet. */
        PENDING,
        /** The provider has never heard of this reference. */
        NOT_FOUND,
        /** No usable answer (timeout, 5xx, network): anything may have happened. */
        UNKNOWN
    }

    /** A provider's answer; {@code detail} is the failure reason or the provider's transaction id. */
    record Answer(Outcome outcome, String detail) {

        static Answer of(Outcome outcome) {
            return new Answer(outcome, null);
        }
    }

    /**
     * What a callback says about which payout; {@code amount} is the major-unit decimal it names, if
     * any. {@code verified}: the provider proved it sent it,
     * so its {@code answer} may be used; otherwise the status is asked of the provider first.
     */
    record Claim(UUID reference, String amount, boolean verified, Answer answer) {}
}
