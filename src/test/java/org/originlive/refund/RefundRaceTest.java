package org.originlive.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.Books;
import org.originlive.support.Concurrently;
import org.originlive.support.Purchase;

/** Racing refunds never refund a line more than it holds, and one key makes one refund. */
@QuarkusTest
class RefundRaceTest {

    @Test
    void racingRefundsOfOneLineRefundExactlyWhatItHolds() throws Exception {
        Purchase p = Purchase.paid(700, 5, 900, 1);
        String line = p.lineOf(p.productA());
        int stock = Api.stock(p.productA());
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(() -> as(p.buyer())
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Purchase.refundBody(line, 1))
                    .post("/api/orders/" + p.order() + "/refunds"));
        }
        List<Response> answers = Concurrently.all(calls, 12);

        assertThat(answers.stream().filter(r -> r.statusCode() == 201)).hasSize(5);
        assertThat(answers.stream().filter(r -> r.statusCode() == 422)).hasSize(7);
        as(p.buyer())
                .get("/api/orders/" + p.order())
                .then()
                .body("lines.find { it.id == '" + line + "' }.refundedQuantity", equalTo(5));
        assertThat(Api.stock(p.productA())).isEqualTo(stock + 5);
        assertThat(Purchase.balance(p.coopA())).containsExactly(0, 0, 0, 0);
        Books.balanced();
        Books.cooperativeAddsUp(p.coopA(), p.coopB());
    }

    @Test
    void oneKeyRacingMakesOneRefund() throws Exception {
        Purchase p = Purchase.paid(700, 5, 900, 1);
        String line = p.lineOf(p.productA());
        String key = UUID.randomUUID().toString();
        List<Response> answers = Concurrently.repeat(8, () -> as(p.buyer())
                .header("Idempotency-Key", key)
                .body(Purchase.refundBody(line, 2))
                .post("/api/orders/" + p.order() + "/refunds"));

        assertThat(answers.stream().filter(r -> r.statusCode() == 201)).hasSize(1);
        assertThat(answers.stream().filter(r -> r.statusCode() == 200)).hasSize(7);
        assertThat(answers.stream().map(r -> r.path("id")).distinct()).hasSize(1);
        as(p.buyer()).get("/api/orders/" + p.order() + "/refunds").then().body("items.size()", equalTo(1));
        // 2 × 7.00 of 35.00 gross: 14.00 back, fee 1.75 → 1.75 reversed pro rata: halfUp(175 × 1400 / 3500) = 70.
        assertThat(Purchase.balance(p.coopA())).containsExactly(3325 - 1330, 0, 0, 0);
        Books.balanced();
    }
}
