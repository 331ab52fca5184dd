package org.originlive.checkout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.order.PurchaseTallies;
import org.originlive.sale.SaleStock;

/**
 * The rules of a {@link BatchPlan}'s steps, as pure functions of the plan: which requests the
 * database's answers refuse (the first refusal of a request is the one it gets), and which
 * purchase tallies to add and to give back.
 */
final class BatchRules {

    private BatchRules() {}

    /** Lines naming another sale's item, or more than its per-customer limit. */
    static Map<Integer, ProblemException> onLock(BatchPlan plan, Map<UUID, SaleStock.LockedItem> locked) {
        Map<Integer, ProblemException> refusals = new HashMap<>();
        for (int i : plan.fresh()) {
            for (CheckoutApi.SaleLine line : plan.lines(i)) {
                SaleStock.LockedItem item = locked.get(line.itemId());
                if (item == null) {
                    refusals.putIfAbsent(
                            i,
                            ProblemException.invalid("items.itemId", "is not an item of this sale: " + line.itemId()));
                } else if (line.quantity() > item.perCustomerLimit()) {
                    refusals.putIfAbsent(i, CheckoutProblems.limitExceeded(item.perCustomerLimit()));
                }
            }
        }
        return refusals;
    }

    /** Requests with a tally that did not fit its buyer's limit ({@code fitted}, per tallied pair). */
    static Map<Integer, ProblemException> overLimit(BatchPlan plan, List<Boolean> fitted) {
        Map<Integer, ProblemException> refusals = new HashMap<>();
        for (int k = 0; k < plan.tallied().size(); k++) {
            if (!fitted.get(k)) {
                BatchPlan.Tallied t = plan.tallied().get(k);
                int limit = plan.items().get(plan.line(t).itemId()).perCustomerLimit();
                refusals.putIfAbsent(t.request(), CheckoutProblems.limitExceeded(limit));
            }
        }
        return refusals;
    }

    /** Grants stock in arrival order from what the locked items have; the requests it cannot serve. */
    static Map<Integer, ProblemException> soldOut(BatchPlan plan) {
        Map<UUID, Integer> remaining = new HashMap<>();
        plan.items().values().forEach(item -> remaining.put(item.id(), item.remaining()));
        Map<Integer, ProblemException> refusals = new HashMap<>();
        for (int i : plan.fresh()) {
            if (plan.decided().containsKey(i)) {
                continue;
            }
            List<CheckoutApi.SaleLine> lines = plan.lines(i);
            if (lines.stream().allMatch(line -> remaining.get(line.itemId()) >= line.quantity())) {
                lines.forEach(line -> remaining.merge(line.itemId(), -line.quantity(), Integer::sum));
            } else {
                refusals.put(i, CheckoutProblems.soldOut());
            }
        }
        return refusals;
    }

    /** Every new request, when the sale is missing or not LIVE. */
    static Map<Integer, ProblemException> notLive(BatchPlan plan, boolean exists) {
        Map<Integer, ProblemException> refusals = new HashMap<>();
        for (int i : plan.leaders()) {
            refusals.put(
                    i,
                    exists
                            ? new ProblemException(ProblemType.SALE_NOT_LIVE, "The sale is not LIVE")
                            : ProblemException.notFound("Sale", plan.saleId()));
        }
        return refusals;
    }

    /** One tally per tallied (request, line) pair, against the item's per-customer limit. */
    static List<PurchaseTallies.Tally> tallies(BatchPlan plan) {
        return plan.tallied().stream()
                .map(t -> tally(plan, t, plan.items().get(plan.line(t).itemId()).perCustomerLimit()))
                .toList();
    }

    /** The tallies that were added for requests refused after all, to be released. */
    static List<PurchaseTallies.Tally> givenBack(BatchPlan plan) {
        List<PurchaseTallies.Tally> undo = new ArrayList<>();
        for (int k = 0; k < plan.added().size(); k++) {
            BatchPlan.Tallied t = plan.tallied().get(k);
            if (plan.added().get(k) && plan.decided().containsKey(t.request())) {
                undo.add(tally(plan, t, 0));
            }
        }
        return undo;
    }

    private static PurchaseTallies.Tally tally(BatchPlan plan, BatchPlan.Tallied t, int limit) {
        CheckoutApi.SaleLine line = plan.line(t);
        return new PurchaseTallies.Tally(
                plan.requests().get(t.request()).buyerId(), line.itemId(), line.quantity(), limit);
    }
}
