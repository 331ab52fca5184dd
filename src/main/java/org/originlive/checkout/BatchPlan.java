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
import org.originlive.order.NewOrder;
import org.originlive.order.PurchaseTallies;
import org.originlive.sale.SaleStock;

/**
 * The pure part of one group-commit batch (no SQL): which requests repeat one another, which are
 * refused and why, who is granted what in arrival order, and each request's answer. Immutable:
 * each step takes what the database said and returns the next plan, so {@link SaleBatch} threads
 * it through its statements in the order of its locks, and a test can replay any step.
 *
 * @param leaderOf for each request, the first request with its (buyer, key)
 * @param decided the requests answered so far, by index
 * @param fresh the leaders whose key this batch claimed, in arrival order
 * @param tallied the (request, line) pairs sent to the tallies, in order
 * @param added for each tallied pair, whether its tally fitted the limit
 */
record BatchPlan(
        UUID saleId,
        List<BatchRequest> requests,
        List<Integer> leaderOf,
        Map<Integer, BatchOutcome> decided,
        List<Integer> fresh,
        Map<UUID, SaleStock.LockedItem> items,
        List<Tallied> tallied,
        List<Boolean> added,
        List<NewOrder> orders) {

    /** One line of one request, counted against its buyer's per-customer limit. */
    record Tallied(int request, int line) {}

    BatchPlan {
        requests = List.copyOf(requests);
        leaderOf = List.copyOf(leaderOf);
        decided = Map.copyOf(decided);
        fresh = List.copyOf(fresh);
        items = Map.copyOf(items);
        tallied = List.copyOf(tallied);
        added = List.copyOf(added);
        orders = List.copyOf(orders);
    }

    /** A new batch: repeats of a (buyer, key) follow its first request; another body is refused. */
    static BatchPlan of(UUID saleId, List<BatchRequest> requests) {
        List<Integer> leaderOf = new ArrayList<>();
        Map<Integer, BatchOutcome> decided = new HashMap<>();
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            BatchRequest r = requests.get(i);
            Integer earlier = first.putIfAbsent(r.buyerId() + "\u0000" + r.key(), i);
            leaderOf.add(earlier == null ? i : earlier);
            if (earlier != null && !requests.get(earlier).hash().equals(r.hash())) {
                decided.put(i, new BatchOutcome.Refused(CheckoutProblems.mismatch()));
            }
        }
        return new BatchPlan(saleId, requests, leaderOf, decided, List.of(), Map.of(), List.of(), List.of(), List.of());
    }

    /** The first request of each (buyer, key), in arrival order. */
    List<Integer> leaders() {
        List<Integer> leaders = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (leaderOf.get(i) == i) {
                leaders.add(i);
            }
        }
        return leaders;
    }

    /** The leaders in key lock order. */
    List<Integer> claimOrder() {
        List<Integer> sorted = leaders();
        sorted.sort(Comparator.comparing((Integer i) -> requests.get(i).buyerId())
                .thenComparing(i -> requests.get(i).key()));
        return sorted;
    }

    List<IdempotencyKeys.Claim> claims(List<Integer> indexes) {
        return indexes.stream().map(i -> requests.get(i).claim()).toList();
    }

    /** The plan once the claims in {@code order} were made; {@code won} says which were new. */
    BatchPlan claimed(List<Integer> order, List<Boolean> won) {
        List<Integer> claimed = new ArrayList<>();
        for (int k = 0; k < order.size(); k++) {
            if (won.get(k)) {
                claimed.add(order.get(k));
            }
        }
        claimed.sort(Integer::compare);
        return new BatchPlan(saleId, requests, leaderOf, decided, claimed, items, tallied, added, orders);
    }

    /** The leaders whose key an earlier request holds (after {@link #claimed}), in key lock order. */
    List<Integer> taken() {
        return claimOrder().stream().filter(i -> !fresh.contains(i)).toList();
    }

    /** The earlier request under a taken key: the same body replays it, another is refused. */
    BatchPlan earlier(int i, Optional<IdempotencyKeys.Earlier> earlier) {
        if (earlier.isEmpty()) {
            return refuse(Map.of(
                    i, ProblemException.unavailable("The key is being settled by another request; retry with it")));
        }
        if (earlier.get().requestHash().equals(requests.get(i).hash())) {
            return decide(Map.of(i, new BatchOutcome.Replayed(earlier.get().orderId())));
        }
        return refuse(Map.of(i, CheckoutProblems.mismatch()));
    }

    /** Every new request refused: the sale is missing or not LIVE (replays were settled first). */
    BatchPlan notLive(boolean exists) {
        return refuse(BatchRules.notLive(this, exists));
    }

    UUID[] itemsToLock() {
        return fresh.stream()
                .flatMap(i -> lines(i).stream().map(CheckoutApi.SaleLine::itemId))
                .distinct()
                .toArray(UUID[]::new);
    }

    /** The locked items; lines naming another sale's item or more than its per-customer limit are refused. */
    BatchPlan itemsLocked(Map<UUID, SaleStock.LockedItem> locked) {
        return new BatchPlan(saleId, requests, leaderOf, decided, fresh, locked, tallied, added, orders)
                .refuse(BatchRules.onLock(this, locked));
    }

    /** The plan with every surviving request's lines, in arrival order, to add to the tallies. */
    BatchPlan tallying() {
        List<Tallied> pairs = new ArrayList<>();
        for (int i : fresh) {
            for (int l = 0; !decided.containsKey(i) && l < lines(i).size(); l++) {
                pairs.add(new Tallied(i, l));
            }
        }
        return new BatchPlan(saleId, requests, leaderOf, decided, fresh, items, pairs, added, orders);
    }

    /** The tallies to add, one per {@link #tallied} pair. */
    List<PurchaseTallies.Tally> tallies() {
        return BatchRules.tallies(this);
    }

    /**
     * The plan once the tallies were added ({@code fitted} says which stayed within the limit):
     * requests over a limit are refused, then stock is granted in arrival order from what the
     * locked items have.
     */
    BatchPlan talliesChecked(List<Boolean> fitted) {
        BatchPlan limited = new BatchPlan(saleId, requests, leaderOf, decided, fresh, items, tallied, fitted, orders)
                .refuse(BatchRules.overLimit(this, fitted));
        return limited.refuse(BatchRules.soldOut(limited));
    }

    /** Tallies that refused requests added, to be given back. */
    List<PurchaseTallies.Tally> givenBack() {
        return BatchRules.givenBack(this);
    }

    /** Claims of new requests that were refused: their keys are dropped, so they can be retried. */
    List<IdempotencyKeys.Claim> refusedClaims() {
        return claims(fresh.stream()
                .filter(i -> decided.get(i) instanceof BatchOutcome.Refused)
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

    /** The plan with the granted requests' orders; each of those requests is answered with its order. */
    BatchPlan ordered(Instant now, Instant reservedUntil) {
        Map<Integer, BatchOutcome> created = new HashMap<>();
        List<NewOrder> made = new ArrayList<>();
        for (int i : grantedRequests()) {
            NewOrder order = requests.get(i).order(saleId, items, now, reservedUntil);
            created.put(i, new BatchOutcome.Created(order.view()));
            made.add(order);
        }
        return new BatchPlan(saleId, requests, leaderOf, decided, fresh, items, tallied, added, made).decide(created);
    }

    /** Each request's answer; a repeat within the batch gets its leader's order. */
    List<BatchOutcome> answers() {
        List<BatchOutcome> answers = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            BatchOutcome own = decided.get(i);
            BatchOutcome leader = decided.get(leaderOf.get(i));
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

    /** Fresh requests not refused (after {@link #ordered}, those answered with their order). */
    private List<Integer> grantedRequests() {
        return fresh.stream()
                .filter(i -> !(decided.get(i) instanceof BatchOutcome.Refused))
                .toList();
    }

    List<CheckoutApi.SaleLine> lines(int i) {
        return requests.get(i).body().items();
    }

    CheckoutApi.SaleLine line(Tallied t) {
        return lines(t.request()).get(t.line());
    }

    /** Refuses the requests not answered yet; an earlier answer stands. */
    private BatchPlan refuse(Map<Integer, ProblemException> refusals) {
        Map<Integer, BatchOutcome> outcomes = new HashMap<>();
        refusals.forEach((i, problem) -> outcomes.put(i, new BatchOutcome.Refused(problem)));
        return decide(outcomes);
    }

    private BatchPlan decide(Map<Integer, BatchOutcome> outcomes) {
        Map<Integer, BatchOutcome> all = new HashMap<>(outcomes);
        all.putAll(decided);
        return new BatchPlan(saleId, requests, leaderOf, all, fresh, items, tallied, added, orders);
    }
}
