package org.originlive.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.originlive.common.Transactions;
import org.originlive.ledger.Ledger;
import org.originlive.support.Api;
import org.originlive.support.Concurrently;

@QuarkusTest
class PayoutTest {

    @Inject
    Ledger ledger;

    @Inject
    Pool pool;

    Funds funds;
    String coop;
    String staff;

    @BeforeEach
    void setUp() {
        funds = new Funds(ledger, new Transactions(pool));
        coop = Api.cooperative();
        staff = Api.cooperativeStaff(coop);
    }

    @Test
    void aSandboxPayoutSettlesItselfThroughTheCallbackPath() {
        funds.credit(coop, "RWF", 150_000);
        Funds.destination(staff, coop, "SANDBOX", "+250788123456", "RWF");
        String id = Funds.payout(staff, coop, "k-1", Map.of("currency", "RWF", "amountMinor", 100_000))
                .then()
                .statusCode(201)
                .header(
                        "Location",
                        endsWith("/api/payouts/"
                                + Funds.payout(staff, coop, "k-1", Map.of("currency", "RWF", "amountMinor", 100_000))
                                        .then()
                                        .statusCode(200)
                                        .extract()
                                        .path("id")))
                .body("status", equalTo("SUBMITTED"))
                .body("amountMinor", equalTo(100_000))
                .body("currency", equalTo("RWF"))
                .body("destinationAmountMinor", equalTo(100_000))
                .body("destinationCurrency", equalTo("RWF"))
                .body("provider", equalTo("SANDBOX"))
                .body("cooperativeId", equalTo(coop))
                .extract()
                .path("id");
        // Submitted: out of available at once (the sandbox may already have settled it).
        long[] submitted = funds.balances(coop, "RWF");
        assertThat(submitted[0]).isEqualTo(50_000);
        assertThat(submitted[1] + submitted[2]).isEqualTo(100_000);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(staff)
                .get("/api/payouts/" + id)
                .then()
                .body("status", equalTo("SUCCEEDED"))
                .body("providerReference", equalTo(id)));
        assertThat(funds.balances(coop, "RWF")).containsExactly(50_000, 0, 100_000);
        // A repeated callback changes nothing.
        anonymous()
                .body(Map.of("reference", id))
                .post("/api/payouts/callbacks/SANDBOX")
                .then()
                .statusCode(200)
                .body("changed", equalTo(false))
                .body("status", equalTo("SUCCEEDED"));
        assertThat(funds.balances(coop, "RWF")).containsExactly(50_000, 0, 100_000);
        as(staff)
                .get("/api/cooperatives/" + coop + "/payouts")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(id));
    }

    @Test
    void aSandboxPayeeEndingIn0000FailsAndTheMoneyComesBack() {
        funds.credit(coop, "RWF", 7_000);
        Funds.destination(staff, coop, "SANDBOX", "+250788120000", "RWF");
        String id = Funds.payout(staff, coop, "all", Map.of("currency", "RWF"))
                .then()
                .statusCode(201)
                .body("amountMinor", equalTo(7_000))
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(staff)
                .get("/api/payouts/" + id)
                .then()
                .body("status", equalTo("FAILED"))
                .body("failureReason", equalTo("PAYEE_NOT_FOUND")));
        assertThat(funds.balances(coop, "RWF")).containsExactly(7_000, 0, 0);
    }

    @Test
    void aForgedSandboxCallbackBeforeTheProviderSettledChangesNothing() {
        funds.credit(coop, "RWF", 1_000);
        Funds.destination(staff, coop, "BANK_MANUAL", "RW-BK-0001", "RWF");
        String manual = Funds.payout(staff, coop, "m", Map.of("currency", "RWF", "amountMinor", 400))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // The reference is a BANK_MANUAL payout: a SANDBOX callback cannot touch it.
        anonymous()
                .body(Map.of("reference", manual))
                .post("/api/payouts/callbacks/SANDBOX")
                .then()
                .statusCode(404);
        anonymous()
                .body(Map.of("reference", UUID.randomUUID().toString()))
                .post("/api/payouts/callbacks/SANDBOX")
                .then()
                .statusCode(404)
                .body("type", endsWith("/not-found"));
        anonymous()
                .body(Map.of("nothing", "here"))
                .post("/api/payouts/callbacks/SANDBOX")
                .then()
                .statusCode(400);
        anonymous().body(Map.of()).post("/api/payouts/callbacks/NOPE").then().statusCode(404);
        anonymous()
                .body(Map.of())
                .post("/api/payouts/callbacks/BANK_MANUAL")
                .then()
                .statusCode(400);
        assertThat(funds.balances(coop, "RWF")).containsExactly(600, 400, 0);
        as(staff).get("/api/payouts/" + manual).then().body("status", equalTo("SUBMITTED"));
    }

    @Test
    void anAdminSettlesBankManualPayouts() {
        funds.credit(coop, "CNY", 10_000);
        Funds.destination(staff, coop, "BANK_MANUAL", "CN-ICBC-0042", "CNY");
        String paid = Funds.payout(staff, coop, "a", Map.of("currency", "CNY", "amountMinor", 3_000))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String failed = Funds.payout(staff, coop, "b", Map.of("currency", "CNY", "amountMinor", 2_000))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(funds.balances(coop, "CNY")).containsExactly(5_000, 5_000, 0);
        as(staff)
                .body(Map.of("reference", "ICBC-1"))
                .post("/api/payouts/" + paid + "/mark-paid")
                .then()
                .statusCode(403);
        String admin = Api.admin();
        as(admin)
                .body(Map.of("reference", "ICBC-1"))
                .post("/api/payouts/" + paid + "/mark-paid")
                .then()
                .statusCode(200)
                .body("status", equalTo("SUCCEEDED"))
                .body("providerTransactionId", equalTo("ICBC-1"));
        as(admin)
                .body(Map.of("reason", "Account closed"))
                .post("/api/payouts/" + failed + "/mark-failed")
                .then()
                .statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("failureReason", equalTo("Account closed"));
        // Settling twice is an illegal transition and moves nothing.
        as(admin)
                .body(Map.of("reference", "ICBC-2"))
                .post("/api/payouts/" + paid + "/mark-paid")
                .then()
                .statusCode(409)
                .body("type", endsWith("/illegal-transition"));
        as(admin)
                .body(Map.of("reason", "late"))
                .post("/api/payouts/" + paid + "/mark-failed")
                .then()
                .statusCode(409);
        as(admin)
                .body(Map.of("reference", "x"))
                .post("/api/payouts/" + UUID.randomUUID() + "/mark-paid")
                .then()
                .statusCode(404);
        as(admin)
                .body(Map.of())
                .post("/api/payouts/" + paid + "/mark-paid")
                .then()
                .statusCode(422);
        assertThat(funds.balances(coop, "CNY")).containsExactly(7_000, 0, 3_000);
    }

    @Test
    void aPayoutIsConvertedToTheDestinationCurrencyAtTheAdminRate() {
        String admin = Api.admin();
        as(admin)
                .body(Map.of("rate", "182.4512"))
                .put("/api/admin/fx-rates/CNY/RWF")
                .then()
                .statusCode(200)
                .body("from", equalTo("CNY"))
                .body("to", equalTo("RWF"))
                .body("rate", equalTo("182.4512"))
                .body("updatedAt", org.hamcrest.Matchers.notNullValue());
        as(admin).get("/api/admin/fx-rates").then().statusCode(200).body("items.from", hasItems("CNY"));
        funds.credit(coop, "CNY", 4_500);
        Funds.destination(staff, coop, "SANDBOX", "+250788123456", "RWF");
        String id = Funds.payout(staff, coop, "fx", Map.of("currency", "CNY"))
                .then()
                .statusCode(201)
                .body("amountMinor", equalTo(4_500))
                .body("currency", equalTo("CNY"))
                .body("destinationAmountMinor", equalTo(8_210))
                .body("destinationCurrency", equalTo("RWF"))
                .body("fxRate", equalTo("182.4512"))
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> as(staff).get("/api/payouts/" + id).then().body("status", equalTo("SUCCEEDED")));
        assertThat(funds.balances(coop, "CNY")).containsExactly(0, 0, 4_500);
    }

    @Test
    void badPayoutRequestsAre4xxAndMoveNothing() {
        String admin = Api.admin();
        Map<String, Object> body = Map.of("currency", "ETB", "amountMinor", 100);
        Funds.payout(staff, coop, "x", body).then().statusCode(422).body("type", endsWith("/no-payout-destination"));
        Funds.destination(staff, coop, "MTN_MOMO", "+250788123456", "RWF");
        as(admin)
                .body(Map.of("rate", "0.5"))
                .put("/api/admin/fx-rates/CNY/KES")
                .then()
                .statusCode(200);
        Funds.payout(staff, coop, "x", body).then().statusCode(422).body("type", endsWith("/no-fx-rate"));
        Funds.payout(staff, coop, "x", Map.of("currency", "RWF"))
                .then()
                .statusCode(422)
                .body("type", endsWith("/insufficient-funds"));
        funds.credit(coop, "RWF", 500);
        Funds.payout(staff, coop, "x", Map.of("currency", "RWF", "amountMinor", 501))
                .then()
                .statusCode(422)
                .body("type", endsWith("/insufficient-funds"));
        Funds.payout(staff, coop, "x", Map.of("currency", "RWF", "amountMinor", 0))
                .then()
                .statusCode(422);
        Funds.payout(staff, coop, "x", Map.of("currency", "RWF", "amountMinor", -5))
                .then()
                .statusCode(422);
        Funds.payout(staff, coop, "x", Map.of("currency", "ZZZ")).then().statusCode(422);
        Funds.payout(staff, coop, "x", Map.of("currency", "RWF", "amountMinor", "12"))
                .then()
                .statusCode(400);
        Funds.payout(staff, coop, "x", Map.of("currency", "RWF", "amountMinor", 1.5))
                .then()
                .statusCode(400);
        as(staff)
                .body(Map.of("currency", "RWF"))
                .post("/api/cooperatives/" + coop + "/payouts")
                .then()
                .statusCode(400)
                .body("type", endsWith("/bad-request"));
        Funds.payout(staff, coop, "é", Map.of("currency", "RWF")).then().statusCode(400);
        Funds.payout(staff, coop, "k".repeat(65), Map.of("currency", "RWF"))
                .then()
                .statusCode(400);
        String other = Api.cooperative();
        Funds.payout(staff, other, "x", Map.of("currency", "RWF")).then().statusCode(403);
        Funds.payout(Api.consumer(), coop, "x", Map.of("currency", "RWF"))
                .then()
                .statusCode(403);
        anonymous()
                .header("Idempotency-Key", "x")
                .body(Map.of("currency", "RWF"))
                .post("/api/cooperatives/" + coop + "/payouts")
                .then()
                .statusCode(401);
        assertThat(funds.balances(coop, "RWF")).containsExactly(500, 0, 0);
        // Same key, other body: 422, and still nothing moved.
        Funds.payout(staff, coop, "once", Map.of("currency", "RWF", "amountMinor", 100))
                .then()
                .statusCode(201);
        Funds.payout(staff, coop, "once", Map.of("currency", "RWF", "amountMinor", 101))
                .then()
                .statusCode(422)
                .body("type", endsWith("/idempotency-mismatch"));
        assertThat(funds.balance(coop, "RWF", org.originlive.ledger.Bucket.AVAILABLE))
                .isEqualTo(400);
    }

    @Test
    void destinationsAndRatesAreValidated() {
        String admin = Api.admin();
        as(staff)
                .get("/api/cooperatives/" + coop + "/payout-destination")
                .then()
                .statusCode(404);
        for (String number :
                new String[] {"0788123456", "+2507", "+250 788 123 456", "+0250788123456", "+1234567890123456"}) {
            as(staff)
                    .body(Map.of(
                            "provider", "MTN_MOMO", "accountName", "A", "accountNumber", number, "currency", "RWF"))
                    .put("/api/cooperatives/" + coop + "/payout-destination")
                    .then()
                    .statusCode(422)
                    .body("violations[0].field", equalTo("accountNumber"));
        }
        as(staff)
                .body(Map.of(
                        "provider", "MPESA", "accountName", "A", "accountNumber", "+254712345678", "currency", "XYZ"))
                .put("/api/cooperatives/" + coop + "/payout-destination")
                .then()
                .statusCode(422);
        as(staff)
                .body(Map.of(
                        "provider", "PAYPAL", "accountName", "A", "accountNumber", "+254712345678", "currency", "KES"))
                .put("/api/cooperatives/" + coop + "/payout-destination")
                .then()
                .statusCode(400);
        as(staff)
                .body(Map.of(
                        "provider",
                        "MPESA",
                        "accountName",
                        "Kahawa",
                        "accountNumber",
                        "+254712345678",
                        "currency",
                        "KES"))
                .put("/api/cooperatives/" + coop + "/payout-destination")
                .then()
                .statusCode(200)
                .body("provider", equalTo("MPESA"))
                .body("accountNumber", equalTo("+254712345678"))
                .body("currency", equalTo("KES"));
        as(staff)
                .get("/api/cooperatives/" + coop + "/payout-destination")
                .then()
                .statusCode(200)
                .body("accountName", equalTo("Kahawa"));
        as(Api.cooperativeStaff(Api.cooperative()))
                .get("/api/cooperatives/" + coop + "/payout-destination")
                .then()
                .statusCode(403);
        as(admin)
                .body(Map.of("provider", "BANK_MANUAL", "accountName", "A", "accountNumber", "1", "currency", "RWF"))
                .put("/api/cooperatives/" + UUID.randomUUID() + "/payout-destination")
                .then()
                .statusCode(404);
        for (String rate : new String[] {"0", "-1", "abc", "1.123456789", "1234567890123", "1e2"}) {
            as(admin)
                    .body(Map.of("rate", rate))
                    .put("/api/admin/fx-rates/CNY/RWF")
                    .then()
                    .statusCode(422);
        }
        as(admin)
                .body(Map.of("rate", 1.5))
                .put("/api/admin/fx-rates/CNY/RWF")
                .then()
                .statusCode(400);
        as(admin)
                .body(Map.of("rate", "1"))
                .put("/api/admin/fx-rates/CNY/XYZ")
                .then()
                .statusCode(422);
        as(admin)
                .body(Map.of("rate", "1"))
                .put("/api/admin/fx-rates/CNY/CNY")
                .then()
                .statusCode(422);
        as(staff)
                .body(Map.of("rate", "1"))
                .put("/api/admin/fx-rates/CNY/RWF")
                .then()
                .statusCode(403);
        as(staff).get("/api/admin/fx-rates").then().statusCode(403);
    }

    @Test
    void anotherCooperativeCannotSeeAPayout() {
        funds.credit(coop, "RWF", 100);
        Funds.destination(staff, coop, "BANK_MANUAL", "RW-1", "RWF");
        String id = Funds.payout(staff, coop, "p", Map.of("currency", "RWF"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String stranger = Api.cooperativeStaff(Api.cooperative());
        as(stranger).get("/api/payouts/" + id).then().statusCode(403);
        as(stranger).get("/api/cooperatives/" + coop + "/payouts").then().statusCode(403);
        as(Api.admin()).get("/api/payouts/" + id).then().statusCode(200);
        as(staff).get("/api/payouts/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void racingPayoutRequestsNeverPayOutMoreThanIsAvailable() throws Exception {
        funds.credit(coop, "RWF", 10_000);
        Funds.destination(staff, coop, "BANK_MANUAL", "RW-BK-7", "RWF");
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String key = "race-" + i;
            calls.add(() -> Funds.payout(staff, coop, key, Map.of("currency", "RWF", "amountMinor", 3_000)));
        }
        for (int i = 0; i < 4; i++) {
            calls.add(() -> Funds.payout(staff, coop, "same-key", Map.of("currency", "RWF", "amountMinor", 3_000)));
        }
        List<Response> answers = Concurrently.all(calls, calls.size());
        long created = answers.stream().filter(r -> r.statusCode() == 201).count();
        long refused = answers.stream()
                .filter(r ->
                        r.statusCode() == 422 && r.jsonPath().getString("type").endsWith("/insufficient-funds"))
                .count();
        long replayed = answers.stream().filter(r -> r.statusCode() == 200).count();
        assertThat(created).isEqualTo(3);
        assertThat(created + refused + replayed).isEqualTo(calls.size());
        assertThat(funds.balances(coop, "RWF")).containsExactly(1_000, 9_000, 0);
        as(staff).get("/api/cooperatives/" + coop + "/payouts").then().body("total", equalTo(3));
        // Every same-key answer is the one payout made under that key, if any was made.
        List<String> sameKey = answers.subList(12, 16).stream()
                .filter(r -> r.statusCode() != 422)
                .map(r -> r.jsonPath().getString("id"))
                .distinct()
                .toList();
        assertThat(sameKey.size()).isLessThanOrEqualTo(1);
    }
}
