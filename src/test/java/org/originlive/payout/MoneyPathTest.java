package org.originlive.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.originlive.support.Books;
import org.originlive.support.Purchase;

/**
 * Purchase → delivery → hold → SANDBOX payout → refund after the payout, through the API only:
 * the refund drives available below zero and the next payout nets it.
 */
@QuarkusTest
class MoneyPathTest {

    @Test
    void moneyReachesTheOriginAndARefundAfterPayoutIsNettedFromTheNext() {
        Purchase p = Purchase.paid(6000, 2, 1000, 1);
        as(p.staffA())
                .body(Map.of(
                        "provider", "SANDBOX",
                        "accountName", "Sidama Union",
                        "accountNumber", "+250788123456",
                        "currency", "CNY"))
                .put("/api/cooperatives/" + p.coopA() + "/payout-destination")
                .then()
                .statusCode(200);
        p.deliver(p.coopA());
        // 12000 gross − 600 fee; held 0 s in tests.
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(Purchase.balance(p.coopA())).containsExactly(0, 11400, 0, 0));

        String payout = payOutAll(p);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() ->
                        as(p.staffA()).get("/api/payouts/" + payout).then().body("status", equalTo("SUCCEEDED")));
        assertThat(Purchase.balance(p.coopA())).containsExactly(0, 0, 0, 11400);

        String refund = p.refund(p.productA(), 1)
                .then()
                .statusCode(201)
                .body("status", equalTo("REQUESTED"))
                .extract()
                .path("id");
        as(p.staffA()).post("/api/refunds/" + refund + "/approve").then().statusCode(200);
        // 6000 back to the buyer, 300 of fee reversed: the cooperative owes 5700.
        assertThat(Purchase.balance(p.coopA())).containsExactly(0, -5700, 0, 11400);
        as(p.staffA())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("currency", "CNY"))
                .post("/api/cooperatives/" + p.coopA() + "/payouts")
                .then()
                .statusCode(422);

        p.again(2, 1).deliver(p.coopA());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(Purchase.balance(p.coopA()))
                .containsExactly(0, 11400 - 5700, 0, 11400));
        String second = payOutAll(p);
        as(p.staffA()).get("/api/payouts/" + second).then().body("amountMinor", equalTo(5700));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(Purchase.balance(p.coopA())).containsExactly(0, 0, 0, 17100));
        Books.balanced();
        Books.cooperativeAddsUp(p.coopA(), p.coopB());
    }

    private static String payOutAll(Purchase p) {
        return as(p.staffA())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("currency", "CNY"))
                .post("/api/cooperatives/" + p.coopA() + "/payouts")
                .then()
                .statusCode(201)
                .body("provider", equalTo("SANDBOX"))
                .extract()
                .path("id");
    }
}
