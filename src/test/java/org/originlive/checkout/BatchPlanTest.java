package org.originlive.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.originlive.common.ProblemType;
import org.originlive.order.NewOrder;
import org.originlive.order.OrderApi;
import org.originlive.order.PurchaseTallies;
import org.originlive.sale.SaleStock;

/** The grant logic of group commit as plain Java: no database, no Quarkus. */
class BatchPlanTest {

    private static final UUID SALE = UUID.randomUUID();
    private static final UUID ITEM = UUID.randomUUID();
    private static final OrderApi.ShippingAddress ADDRESS =
            new OrderApi.ShippingAddress("Li Wei", "1 Road", null, "Shanghai", null, null, "CN", "+86 21 5555 0101");

    private static BatchRequest request(UUID buyer, String key, int quantity) {
        CheckoutApi.SaleOrderRequest body =
                new CheckoutApi.SaleOrderRequest(List.of(new CheckoutApi.SaleLine(ITEM, quantity)), ADDRESS);
        return new BatchRequest(UUID.randomUUID(), buyer, key, "hash-" + quantity, body);
    }

    private static Map<UUID, SaleStock.LockedItem> item(int remaining, int limit) {
        return Map.of(
                ITEM,
                new SaleStock.LockedItem(
                        ITEM, UUID.randomUUID(), UUID.randomUUID(), "Sidama coffee", 4500, "CNY", remaining, limit));
    }

    /** Runs the plan as SaleBatch would when every key is new and every tally fits. */
    private static BatchPlan runAllFresh(List<BatchRequest> requests, int remaining, int limit) {
        BatchPlan plan = BatchPlan.of(SALE, requests);
        List<Integer> order = plan.claimOrder();
        plan = plan.claimed(order, Collections.nCopies(order.size(), true));
        assertThat(plan.taken()).isEmpty();
        plan = plan.itemsLocked(item(remaining, limit)).tallying();
        List<PurchaseTallies.Tally> tallies = plan.tallies();
        plan = plan.talliesChecked(Collections.nCopies(tallies.size(), true));
        assertThat(plan.givenBack())
                .as("only refused requests give tallies back")
                .hasSizeLessThanOrEqualTo(tallies.size());
        return plan.ordered(Instant.EPOCH, Instant.EPOCH.plusSeconds(900));
    }

    private static ProblemType refusal(BatchOutcome outcome) {
        assertThat(outcome).isInstanceOf(BatchOutcome.Refused.class);
        return ((BatchOutcome.Refused) outcome).problem().type();
    }

    @Test
    void stockIsGrantedInArrivalOrderAndALaterSmallerRequestStillFits() {
        List<BatchRequest> requests = List.of(
                request(UUID.randomUUID(), "a", 2),
                request(UUID.randomUUID(), "b", 2),
                request(UUID.randomUUID(), "c", 1));
        BatchPlan plan = runAllFresh(requests, 3, 5);
        List<BatchOutcome> answers = plan.answers();
        assertThat(answers.get(0)).isInstanceOf(BatchOutcome.Created.class);
        assertThat(refusal(answers.get(1))).isEqualTo(ProblemType.SOLD_OUT);
        assertThat(answers.get(2)).isInstanceOf(BatchOutcome.Created.class);
        assertThat(plan.granted()).containsExactly(Map.entry(ITEM, 3));
        assertThat(plan.refusedClaims()).extracting(IdempotencyKeys.Claim::key).containsExactly("b");
    }

    @Test
    void aRepeatWithinTheBatchGetsTheSameOrderAndAnotherBodyIsRefused() {
        UUID buyer = UUID.randomUUID();
        BatchRequest first = request(buyer, "k", 1);
        BatchRequest same = new BatchRequest(UUID.randomUUID(), buyer, "k", first.hash(), first.body());
        BatchRequest other = request(buyer, "k", 2);
        BatchPlan plan = runAllFresh(List.of(first, same, other), 10, 5);
        List<BatchOutcome> answers = plan.answers();
        UUID created = ((BatchOutcome.Created) answers.get(0)).order().id();
        assertThat(answers.get(1)).isEqualTo(new BatchOutcome.Replayed(created));
        assertThat(refusal(answers.get(2))).isEqualTo(ProblemType.IDEMPOTENCY_MISMATCH);
        assertThat(plan.granted()).containsExactly(Map.entry(ITEM, 1));
    }

    @Test
    void aKeyHeldByAnEarlierRequestReplaysItsOrderOrRefusesAnotherBody() {
        UUID orderId = UUID.randomUUID();
        BatchRequest replay = request(UUID.randomUUID(), "r", 1);
        BatchRequest changed = request(UUID.randomUUID(), "m", 1);
        BatchPlan plan = BatchPlan.of(SALE, List.of(replay, changed));
        List<Integer> order = plan.claimOrder();
        plan = plan.claimed(order, List.of(false, false));
        assertThat(plan.taken()).containsExactlyInAnyOrder(0, 1);
        plan = plan.earlier(0, Optional.of(new IdempotencyKeys.Earlier(replay.hash(), orderId)))
                .earlier(1, Optional.of(new IdempotencyKeys.Earlier("another-hash", UUID.randomUUID())));
        assertThat(plan.itemsToLock()).isEmpty();
        assertThat(plan.answers().get(0)).isEqualTo(new BatchOutcome.Replayed(orderId));
        assertThat(refusal(plan.answers().get(1))).isEqualTo(ProblemType.IDEMPOTENCY_MISMATCH);
    }

    @Test
    void overTheLimitIsRefusedAndOnlyRefusedRequestsGiveTheirTalliesBack() {
        BatchRequest tooMany = request(UUID.randomUUID(), "x", 3);
        BatchRequest fits = request(UUID.randomUUID(), "y", 2);
        BatchRequest overTally = request(UUID.randomUUID(), "z", 1);
        BatchRequest soldOut = request(UUID.randomUUID(), "w", 2);
        BatchPlan plan = BatchPlan.of(SALE, List.of(tooMany, fits, overTally, soldOut));
        List<Integer> order = plan.claimOrder();
        plan = plan.claimed(order, Collections.nCopies(order.size(), true))
                .itemsLocked(item(3, 2))
                .tallying();
        List<PurchaseTallies.Tally> tallies = plan.tallies();
        assertThat(tallies).extracting(PurchaseTallies.Tally::quantity).containsExactly(2, 1, 2);
        plan = plan.talliesChecked(List.of(true, false, true));
        assertThat(plan.givenBack()).extracting(PurchaseTallies.Tally::buyerId).containsExactly(soldOut.buyerId());
        plan = plan.ordered(Instant.EPOCH, Instant.EPOCH);
        List<NewOrder> orders = plan.orders();
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).order().totalMinor()).isEqualTo(9000);
        List<BatchOutcome> answers = plan.answers();
        assertThat(refusal(answers.get(0))).isEqualTo(ProblemType.LIMIT_EXCEEDED);
        assertThat(answers.get(1)).isInstanceOf(BatchOutcome.Created.class);
        assertThat(refusal(answers.get(2))).isEqualTo(ProblemType.LIMIT_EXCEEDED);
        assertThat(refusal(answers.get(3))).isEqualTo(ProblemType.SOLD_OUT);
    }

    @Test
    void anItemOfAnotherSaleIsAValidationFailure() {
        BatchPlan plan = BatchPlan.of(SALE, List.of(request(UUID.randomUUID(), "q", 1)));
        plan = plan.claimed(plan.claimOrder(), List.of(true))
                .itemsLocked(Map.of())
                .tallying();
        assertThat(plan.tallies()).isEmpty();
        assertThat(refusal(plan.answers().get(0))).isEqualTo(ProblemType.VALIDATION);
    }

    @Test
    void aSaleThatIsNotLiveOrMissingRefusesNewRequests() {
        BatchPlan ended =
                BatchPlan.of(SALE, List.of(request(UUID.randomUUID(), "e", 1))).notLive(true);
        assertThat(refusal(ended.answers().get(0))).isEqualTo(ProblemType.SALE_NOT_LIVE);
        BatchPlan missing =
                BatchPlan.of(SALE, List.of(request(UUID.randomUUID(), "n", 1))).notLive(false);
        assertThat(refusal(missing.answers().get(0))).isEqualTo(ProblemType.NOT_FOUND);
    }

    @Test
    void aReplayedKeyStandsWhenTheSaleTurnsOutNotLive() {
        UUID orderId = UUID.randomUUID();
        BatchRequest replay = request(UUID.randomUUID(), "r", 1);
        BatchRequest fresh = request(UUID.randomUUID(), "f", 1);
        BatchPlan plan = BatchPlan.of(SALE, List.of(replay, fresh))
                .earlier(0, Optional.of(new IdempotencyKeys.Earlier(replay.hash(), orderId)))
                .notLive(true);
        assertThat(plan.answers().get(0)).isEqualTo(new BatchOutcome.Replayed(orderId));
        assertThat(refusal(plan.answers().get(1))).isEqualTo(ProblemType.SALE_NOT_LIVE);
    }

    @Test
    void aKeyStillBeingSettledElsewhereIsA503() {
        BatchPlan plan = BatchPlan.of(SALE, List.of(request(UUID.randomUUID(), "s", 1)));
        plan = plan.claimed(plan.claimOrder(), List.of(false)).earlier(0, Optional.empty());
        assertThat(refusal(plan.answers().get(0))).isEqualTo(ProblemType.UNAVAILABLE);
    }

    @Test
    void eachStepReturnsANewPlanAndLeavesItsInputAsItWas() {
        List<BatchRequest> requests = List.of(request(UUID.randomUUID(), "a", 2), request(UUID.randomUUID(), "b", 2));
        BatchPlan start = BatchPlan.of(SALE, requests);
        BatchPlan claimed = start.claimed(start.claimOrder(), List.of(true, true));
        BatchPlan locked = claimed.itemsLocked(item(2, 5));
        BatchPlan tallying = locked.tallying();
        BatchPlan checked = tallying.talliesChecked(List.of(true, true));
        BatchPlan ordered = checked.ordered(Instant.EPOCH, Instant.EPOCH);

        assertThat(start.fresh()).isEmpty();
        assertThat(claimed.items()).isEmpty();
        assertThat(locked.tallied()).isEmpty();
        assertThat(tallying.decided()).isEmpty();
        assertThat(checked.orders()).isEmpty();
        assertThat(checked.decided()).containsOnlyKeys(checked.fresh().get(1));
        assertThat(ordered.orders()).hasSize(1);
        assertThat(ordered.answers().get(0)).isInstanceOf(BatchOutcome.Created.class);
        // the same step on the same plan gives the same decisions
        assertThat(tallying.talliesChecked(List.of(true, true)).decided()).containsOnlyKeys(1);
        assertThatThrownBy(() -> ordered.orders().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
