package org.originlive.checkout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.order.NewOrder;
import org.originlive.order.PurchaseTallies;
import org.originlive.sale.SaleStock;

/**
 * The pure part of one group-commit batch (no SQL): which requests repeat one another, which are
 * refused and why, who is granted what in arrival order, and each request's answer. {@link
 * SaleBatch} feeds it what the database said, step by step, in the order of its locks.
 */
final class BatchPlan {

    private final UUID saleId;
    private final List<BatchRequest> requests;
    private final BatchOutcome[] outcomes;
    private final int[] leaderOf;
    private final List<Integer> leaders = new ArrayList<>();
    private final List<Integer> fresh = new ArrayList<>();
    private final List<int[]> tallied = new ArrayList<>();
    private Map<UUID, SaleStock.LockedItem> items = Map.of();

    BatchPlan(UUID saleId, List<BatchRequest> requests) {
        this.saleId = saleId;
        this.requests = requests;
        this.outcomes = new BatchOutcome[requests.size()];
        this.leaderOf = new int[requests.size()];
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            BatchRequest r = requests.get(i);
            Integer earlier = first.putIfAbsent(r.buyerId() + "\u0000" + r.key(), i);
            leaderOf[i] = earlier == null ? i : earlier;
            if (earlier == null) {
                leaders.add(i);
            } else if (!requests.get(earlier).hash().equals(r.hash())) {
                outcomes[i] = new BatchOutcome.Refused(CheckoutProblems.mismatch());
            }
        }
    }

    /** The first request of each (buyer, key), in key lock order. */
    List<Integer> claimOrder() {
        List<Integer> sorted = new ArrayList<>(leaders);
        sorted.sort(Comparator.comparing((Integer i) -> requests.get(i).buyerId())
                .thenComparing(i -> requests.get(i).key()));
        return sorted;
    }

    List<IdempotencyKeys.Claim> claims(List<Integer> indexes) {
        return indexes.stream().map(i -> requests.get(i).claim()).toList();
    }

    /** Which claims this batch won; returns the requests whose key an earlier request holds. */
    List<Integer> claimed(List<Integer> order, List<Boolean> won) {
        List<Integer> taken = new ArrayList<>();
        for (int k = 0; k < order.size(); k++) {
            (won.get(k) ? fresh : taken).add(order.get(k));
        }
        fresh.sort(Integer::compare);
        return taken;
    }

    /** The earlier request under a taken key: the same body replays it, another is refused. */
    void earlier(int i, Optional<IdempotencyKeys.Earlier> earlier) {
        if (earlier.isEmpty()) {
            refuse(i, ProblemException.unavailable("The key is being settled by another request; retry with it"));
        } else if (earlier.get().requestHash().equals(requests.get(i).hash())) {
            outcomes[i] = new BatchOutcome.Replayed(earlier.get().orderId());
        } else {
            refuse(i, CheckoutProblems.mismatch());
        }
    }

    /** Every new request when the sale is missing or not LIVE (replays were settled first). */
    void notLive(boolean exists) {
        for (int i : leaders) {
            refuse(
                    i,
                    exists
                            ? new ProblemException(ProblemType.SALE_NOT_LIVE, "The sale is not LIVE")
                            : ProblemException.notFound("Sale", saleId));
        }
    }

    List<Integer> leaders() {
        return leaders;
    }

    UUID[] itemsToLock() {
        return fresh.stream()
                .flatMap(i -> lines(i).stream().map(CheckoutApi.SaleLine::itemId))
                .distinct()
                .toArray(UUID[]::new);
    }

    /** Refuses lines naming another sale's item or more than its per-customer limit. */
    void itemsLocked(Map<UUID, SaleStock.LockedItem> locked) {
        items = locked;
        for (int i : fresh) {
            for (CheckoutApi.SaleLine line : lines(i)) {
                SaleStock.LockedItem item = items.get(line.itemId());
                if (item == null) {
                    refuse(
                            i,
                            ProblemException.invalid("items.itemId", "is not an item of this sale: " + line.itemId()));
                } else if (line.quantity() > item.perCustomerLimit()) {
                    refuse(i, CheckoutProblems.limitExceeded(item.perCustomerLimit()));
                }
            }
        }
    }

    /** Every surviving request's lines, in arrival order, to add to the buyers' tallies. */
    List<PurchaseTallies.Tally> tallies() {
        List<PurchaseTallies.Tally> tallies = new ArrayList<>();
        for (int i : fresh) {
            List<CheckoutApi.SaleLine> lines = lines(i);
            for (int l = 0; outcomes[i] == null && l < lines.size(); l++) {
                tallied.add(new int[] {i, l});
                tallies.add(
                        tally(i, lines.get(l), items.get(lines.get(l).itemId()).perCustomerLimit()));
            }
        }
        return tallies;
    }

    /**
     * Refuses requests over a limit, then grants stock in arrival order from what the locked
     * items have; returns the tallies that refused requests added, to be given back.
     */
    List<PurchaseTallies.Tally> talliesChecked(List<Boolean> added) {
        for (int k = 0; k < tallied.size(); k++) {
            if (!added.get(k)) {
                int i = tallied.get(k)[0];
                refuse(
                        i,
                        CheckoutProblems.limitExceeded(
                                items.get(lines(i).get(tallied.get(k)[1]).itemId())
                                        .perCustomerLimit()));
            }
        }
        Map<UUID, Integer> remaining = new HashMap<>();
        items.values().forEach(item -> remaining.put(item.id(), item.remaining()));
        for (int i : fresh) {
            if (outcomes[i] == null) {
                if (lines(i).stream().allMatch(line -> remaining.get(line.itemId()) >= line.quantity())) {
                    lines(i).forEach(line -> remaining.merge(line.itemId(), -line.quantity(), Integer::sum));
                } else {
                    refuse(i, CheckoutProblems.soldOut());
                }
            }
        }
        List<PurchaseTallies.Tally> undo = new ArrayList<>();
        for (int k = 0; k < tallied.size(); k++) {
            int i = tallied.get(k)[0];
            if (added.get(k) && outcomes[i] != null) {
                undo.add(tally(i, lines(i).get(tallied.get(k)[1]), 0));
            }
        }
        return undo;
    }

    /** Claims of new requests that were refused: their keys are dropped, so they can be retried. */
    List<IdempotencyKeys.Claim> refusedClaims() {
        return claims(fresh.stream()
                .filter(i -> outcomes[i] instanceof BatchOutcome.Refused)
                .toList());
    }

    /** Units granted per item, in item lock order. */
    Map<UUID, Integer> granted() {
        Map<UUID, Integer> taken = new TreeMap<>();
        for (int i : grantedRequests()) {
            lines(i).forEach(line -> taken.merge(line.itemId(), line.quantity(), Integer::sum));
        }
        return taken;
    }

    /** The granted requests' orders; each of those requests is answered with its order. */
    List<NewOrder> orders(Instant now, Instant reservedUntil) {
        List<NewOrder> orders = new ArrayList<>();
        for (int i : grantedRequests()) {
            NewOrder order = requests.get(i).order(saleId, items, now, reservedUntil);
            outcomes[i] = new BatchOutcome.Created(order.view());
            orders.add(order);
        }
        return orders;
    }

    /** Each request's answer; a repeat within the batch gets its leader's order. */
    List<BatchOutcome> answers() {
        List<BatchOutcome> answers = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            BatchOutcome own = outcomes[i];
            BatchOutcome leader = outcomes[leaderOf[i]];
            if (own != null) {
                answers.add(own);
            } else if (leader instanceof BatchOutcome.Created created) {
                answers.add(new BatchOutcome.Replayed(created.order().id()));
            } else {
                answers.add(leader);
            }
        }
        return answers;
    }

    private List<Integer> grantedRequests() {
        return fresh.stream()
                .filter(i -> !(outcomes[i] instanceof BatchOutcome.Refused))
                .toList();
    }

    private List<CheckoutApi.SaleLine> lines(int i) {
        return requests.get(i).body().items();
    }

    private PurchaseTallies.Tally tally(int i, CheckoutApi.SaleLine line, int limit) {
        return new PurchaseTallies.Tally(requests.get(i).buyerId(), line.itemId(), line.quantity(), limit);
    }

    private void refuse(int i, ProblemException problem) {
        if (outcomes[i] == null) {
            outcomes[i] = new BatchOutcome.Refused(problem);
        }
    }
}
