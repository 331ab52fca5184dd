package org.originlive.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.fulfillment.FulfillmentMoney;
import org.originlive.fulfillment.FulfillmentStatus;
import org.originlive.order.OrderLine;

/** What a refund request must pass before anything is written, without a database. */
class RefundRulesTest {

    private static final UUID COOPERATIVE = UUID.randomUUID();
    private static final OrderLine COFFEE = line(COOPERATIVE, 3, 6_800);
    private static final OrderLine CHILI = line(COOPERATIVE, 2, 2_500);
    private static final OrderLine ELSEWHERE = line(UUID.randomUUID(), 1, 1_000);
    private static final Instant DELIVERED = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(14);

    private static OrderLine line(UUID cooperative, int quantity, long unitPrice) {
        return new OrderLine(UUID.randomUUID(), UUID.randomUUID(), null, cooperative, "item", quantity, 0, unitPrice);
    }

    private static RefundApi.RefundRequest ask(Object... lineAndQuantity) {
        List<RefundApi.LineRequest> lines = new java.util.ArrayList<>();
        for (int i = 0; i < lineAndQuantity.length; i += 2) {
            lines.add(
                    new RefundApi.LineRequest(((OrderLine) lineAndQuantity[i]).id(), (Integer) lineAndQuantity[i + 1]));
        }
        return new RefundApi.RefundRequest(lines, "broken jar");
    }

    private static ProblemException refused(RefundApi.RefundRequest body, Map<UUID, Integer> claimed) {
        return catchThrowableOfType(
                ProblemException.class, () -> RefundRules.check(body, List.of(COFFEE, CHILI, ELSEWHERE), claimed));
    }

    private static FulfillmentMoney.State fulfilment(FulfillmentStatus status, Instant deliveredAt) {
        return new FulfillmentMoney.State(
                UUID.randomUUID(), UUID.randomUUID(), COOPERATIVE, status, 1000, 100, 0, 0, "RWF", deliveredAt);
    }

    @Test
    void aValidRequestSumsItsUnitsAtTheirPrices() {
        RefundRules.Checked checked =
                RefundRules.check(ask(COFFEE, 2, CHILI, 1), List.of(COFFEE, CHILI, ELSEWHERE), Map.of());
        assertThat(checked.cooperativeId()).isEqualTo(COOPERATIVE);
        assertThat(checked.amountMinor()).isEqualTo(2 * 6_800 + 2_500);
        assertThat(checked.lines())
                .containsExactly(new RefundApi.Line(COFFEE.id(), 2), new RefundApi.Line(CHILI.id(), 1));
    }

    @Test
    void unitsAlreadyClaimedByOtherRefundsAreNotLeft() {
        assertThat(RefundRules.check(ask(COFFEE, 1), List.of(COFFEE), Map.of(COFFEE.id(), 2))
                        .amountMinor())
                .isEqualTo(6_800);
        ProblemException tooMany = refused(ask(COFFEE, 2), Map.of(COFFEE.id(), 2));
        assertThat(tooMany.type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(tooMany.toProblem().violations().get(0).field()).isEqualTo("lines[0].quantity");
        assertThat(tooMany.getMessage()).contains("1 unit(s)");
    }

    @Test
    void eachLineMustBeOfThisOrderOnceAndOfOneFulfilment() {
        OrderLine stranger = line(COOPERATIVE, 1, 1);
        assertThat(refused(ask(COFFEE, 1, stranger, 1), Map.of())
                        .toProblem()
                        .violations()
                        .get(0)
                        .field())
                .isEqualTo("lines[1].lineId");
        assertThat(refused(ask(COFFEE, 1, COFFEE, 1), Map.of()).getMessage()).contains("only once");
        ProblemException mixed = refused(ask(COFFEE, 1, ELSEWHERE, 1), Map.of());
        assertThat(mixed.toProblem().violations().get(0).field()).isEqualTo("lines");
        assertThat(mixed.getMessage()).contains("same fulfilment");
    }

    @Test
    void beforeShippingARefundSucceedsAtOnce() {
        assertThat(RefundRules.outcome(fulfilment(FulfillmentStatus.NEW, null), DELIVERED, WINDOW))
                .isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(RefundRules.outcome(fulfilment(FulfillmentStatus.ACCEPTED, null), DELIVERED, WINDOW))
                .isEqualTo(RefundStatus.SUCCEEDED);
    }

    @Test
    void afterDeliveryTheCooperativeDecidesWithinTheWindow() {
        FulfillmentMoney.State delivered = fulfilment(FulfillmentStatus.DELIVERED, DELIVERED);
        assertThat(RefundRules.outcome(delivered, DELIVERED.plus(WINDOW), WINDOW))
                .isEqualTo(RefundStatus.REQUESTED);
        ProblemException late = catchThrowableOfType(
                ProblemException.class,
                () -> RefundRules.outcome(delivered, DELIVERED.plus(WINDOW).plusSeconds(1), WINDOW));
        assertThat(late.type()).isEqualTo(ProblemType.REFUND_WINDOW_CLOSED);
        assertThat(late.getMessage()).contains("14 days");
    }

    @Test
    void inTransitOrCancelledFulfilmentsRefuse() {
        assertThat(catchThrowableOfType(
                                ProblemException.class,
                                () -> RefundRules.outcome(
                                        fulfilment(FulfillmentStatus.SHIPPED, null), DELIVERED, WINDOW))
                        .type())
                .isEqualTo(ProblemType.REFUND_IN_TRANSIT);
        assertThat(catchThrowableOfType(
                                ProblemException.class,
                                () -> RefundRules.outcome(
                                        fulfilment(FulfillmentStatus.CANCELLED, null), DELIVERED, WINDOW))
                        .type())
                .isEqualTo(ProblemType.ILLEGAL_TRANSITION);
    }
}
