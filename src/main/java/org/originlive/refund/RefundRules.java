package org.originlive.refund;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.fulfillment.FulfillmentMoney;
import org.originlive.order.OrderLine;

/** The rules a refund request must pass before anything is written. */
final class RefundRules {

    private RefundRules() {}

    /** A request that passed: whose fulfilment, how much, which units. */
    record Checked(UUID cooperativeId, long amountMinor, List<RefundApi.Line> lines) {}

    static Checked check(RefundApi.RefundRequest body, List<OrderLine> lines, Map<UUID, Integer> claimed) {
        Map<UUID, OrderLine> byId = lines.stream().collect(Collectors.toMap(OrderLine::id, Function.identity()));
        Set<UUID> seen = new HashSet<>();
        Set<UUID> cooperatives = new HashSet<>();
        long amount = 0;
        for (int i = 0; i < body.lines().size(); i++) {
            RefundApi.LineRequest asked = body.lines().get(i);
            OrderLine line = byId.get(asked.lineId());
            if (line == null) {
                throw ProblemException.invalid("lines[" + i + "].lineId", "is not a line of this order");
            }
            if (!seen.add(line.id())) {
                throw ProblemException.invalid("lines[" + i + "].lineId", "may appear only once per refund");
            }
            int left = line.quantity() - claimed.getOrDefault(line.id(), 0);
            if (asked.quantity() > left) {
                throw ProblemException.invalid(
                        "lines[" + i + "].quantity", left + " unit(s) of this line are left to refund");
            }
            cooperatives.add(line.cooperativeId());
            amount = Math.addExact(amount, Math.multiplyExact(line.unitPriceMinor(), asked.quantity()));
        }
        if (cooperatives.size() != 1) {
            throw ProblemException.invalid("lines", "every line of one refund must be in the same fulfilment");
        }
        Map<UUID, Integer> quantities = body.lines().stream()
                .collect(Collectors.toMap(RefundApi.LineRequest::lineId, RefundApi.LineRequest::quantity));
        // In the order's line order, as they are stored and read back.
        List<RefundApi.Line> units = lines.stream()
                .filter(l -> quantities.containsKey(l.id()))
                .map(l -> new RefundApi.Line(l.id(), quantities.get(l.id())))
                .toList();
        return new Checked(cooperatives.iterator().next(), amount, units);
    }

    /**
     * Before shipping a refund succeeds at once; after delivery the cooperative decides, within
     * the window; while the parcel travels nobody can say what will arrive.
     */
    static RefundStatus outcome(FulfillmentMoney.State f, Instant now, Duration window) {
        return switch (f.status()) {
            case NEW, ACCEPTED -> RefundStatus.SUCCEEDED;
            case SHIPPED -> throw new ProblemException(
                    ProblemType.REFUND_IN_TRANSIT, "The parcel is on its way; ask for a refund once it is delivered");
            case DELIVERED -> {
                if (now.isAfter(f.deliveredAt().plus(window))) {
                    throw new ProblemException(
                            ProblemType.REFUND_WINDOW_CLOSED,
                            "Refunds can be asked for within " + window.toDays() + " days of delivery");
                }
                yield RefundStatus.REQUESTED;
            }
            case CANCELLED -> throw new ProblemException(
                    ProblemType.ILLEGAL_TRANSITION, "This fulfilment was cancelled and refunded already");
        };
    }
}
