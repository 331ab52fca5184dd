package org.originlive.checkout;

import java.util.UUID;
import org.originlive.common.ProblemException;
import org.originlive.order.OrderApi;

/** What became of one request of a group-commit batch. */
sealed interface BatchOutcome {

    /** A new order, stored RESERVED. */
    record Created(OrderApi.OrderView order) implements BatchOutcome {}

    /** The same key and body as an earlier request: its order. */
    record Replayed(UUID orderId) implements BatchOutcome {}

    record Refused(ProblemException problem) implements BatchOutcome {}
}
