package org.originlive.checkout;

import java.util.List;
import org.originlive.common.Problem;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;

/** The refusals both checkout paths share. */
final class CheckoutProblems {

    private CheckoutProblems() {}

    static ProblemException mismatch() {
        return new ProblemException(
                ProblemType.IDEMPOTENCY_MISMATCH, "This Idempotency-Key was used with a different request");
    }

    static ProblemException limitExceeded(int limit) {
        return new ProblemException(
                ProblemType.LIMIT_EXCEEDED,
                "At most " + limit + " per customer for this item",
                List.of(new Problem.Violation("items.quantity", "at most " + limit + " per customer")));
    }

    static ProblemException soldOut() {
        return new ProblemException(ProblemType.SOLD_OUT, "Not enough left for this quantity");
    }

    static ProblemException timedOut() {
        return ProblemException.unavailable(
                "The order could not be confirmed in time; retry with the same Idempotency-Key");
    }
}
