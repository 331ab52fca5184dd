package org.originlive.payout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.originlive.common.Transactions;
import org.originlive.ledger.Ledger;
import org.originlive.support.Api;
import org.originlive.support.ProviderSimulator;

/** MTN MoMo Disbursement against the WireMock simulator: the real request shapes, then every way it can go. */
@QuarkusTest
class MtnMomoPayoutTest {

    private static final String TRANSFER = "/disbursement/v1_0/transfer";

    @Inject
    Ledger ledger;

    @Inject
    Pool pool;

    Funds funds;
    WireMockServer momo;
    String coop;
    String staff;
    String msisdn;

    @BeforeEach
    void setUp() {
        funds = new Funds(ledger, new Transactions(pool));
        momo = ProviderSimulator.server();
        coop = Api.cooperative();
        staff = Api.cooperativeStaff(coop);
        msisdn = "25078" + ThreadLocalRandom.current().nextLong(1_000_000L, 9_999_999L);
        funds.credit(coop, "RWF", 20_000);
        Funds.destination(staff, coop, "MTN_MOMO", "+" + msisdn, "RWF");
    }

    @Test
    void aTransferIsSentInMomoShapesAndACallbackIsConfirmedByAStatusQuery() {
        acceptTransfers();
        String id = payout(15_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> transfers().size() == 1);
        LoggedRequest sent = transfers().get(0);
        assertThat(sent.getHeader("X-Reference-Id")).isEqualTo(id);
        assertThat(sent.getHeader("X-Target-Environment")).isEqualTo("sandbox");
        assertThat(sent.getHeader("Ocp-Apim-Subscription-Key")).isEqualTo(ProviderSimulator.MTN_SUBSCRIPTION);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer momo-token");
        assertThat(sent.getHeader("X-Callback-Url"))
                .isEqualTo("https://api.test.originlive.org/api/payouts/callbacks/MTN_MOMO?payout=" + id);
        assertThat(sent.getBodyAsString())
                .isEqualToIgnoringWhitespace(("{'amount':'15000','currency':'RWF','externalId':'" + id
                                + "','payee':{'partyIdType':'MSISDN','partyId':'" + msisdn
                                + "'},'payerMessage':'Origin Live payout','payeeNote':'Origin Live payout " + id + "'}")
                        .replace('\'', '"'));
        status(id, Scenario.STARTED, null, pending(id));
        // A callback claiming success while MoMo still says PENDING changes nothing.
        callback(id, Map.of("externalId", id, "amount", "15000", "currency", "RWF", "status", "SUCCESSFUL"))
                .then()
                .statusCode(200)
                .body("changed", org.hamcrest.Matchers.equalTo(false))
                .body("status", org.hamcrest.Matchers.equalTo("SUBMITTED"));
        assertThat(funds.balances(coop, "RWF")).containsExactly(5_000, 15_000, 0);
        status(id, Scenario.STARTED, null, successful(id, "15000"));
        // A callback with another amount is refused before anything is asked or moved.
        callback(id, Map.of("externalId", id, "amount", "150000", "currency", "RWF", "status", "SUCCESSFUL"))
                .then()
                .statusCode(422);
        assertThat(funds.balances(coop, "RWF")).containsExactly(5_000, 15_000, 0);
        callback(id, Map.of("externalId", id, "amount", "15000", "currency", "RWF", "status", "SUCCESSFUL"))
                .then()
                .statusCode(200)
                .body("changed", org.hamcrest.Matchers.equalTo(true))
                .body("status", org.hamcrest.Matchers.equalTo("SUCCEEDED"));
        assertThat(funds.balances(coop, "RWF")).containsExactly(5_000, 0, 15_000);
        // MoMo sends callbacks once, but a replay (or a forged repeat) changes nothing.
        for (int i = 0; i < 3; i++) {
            callback(id, Map.of("externalId", id, "amount", "15000", "currency", "RWF", "status", "FAILED"))
                    .then()
                    .statusCode(200)
                    .body("changed", org.hamcrest.Matchers.equalTo(false));
        }
        assertThat(funds.balances(coop, "RWF")).containsExactly(5_000, 0, 15_000);
        as(staff)
                .get("/api/payouts/" + id)
                .then()
                .body("status", org.hamcrest.Matchers.equalTo("SUCCEEDED"))
                .body("providerTransactionId", org.hamcrest.Matchers.equalTo("FT-" + id));
        assertThat(transfers()).hasSize(1);
    }

    @Test
    void aFailedTransferFoundByPollingReturnsTheMoney() {
        acceptTransfers();
        String id = payout(20_000);
        status(
                id,
                Scenario.STARTED,
                null,
                okJson("{\"externalId\":\"" + id + "\",\"amount\":\"20000\",\"currency\":\"RWF\","
                        + "\"status\":\"FAILED\",\"reason\":\"PAYEE_NOT_FOUND\"}"));
        awaitStatus(id, "FAILED");
        as(staff)
                .get("/api/payouts/" + id)
                .then()
                .body("failureReason", org.hamcrest.Matchers.equalTo("PAYEE_NOT_FOUND"));
        assertThat(funds.balances(coop, "RWF")).containsExactly(20_000, 0, 0);
        assertThat(transfers()).hasSize(1);
    }

    @Test
    void aTimedOutTransferStaysSubmittedAndIsPolledNeverResent() {
        // MoMo answers after our 2 s timeout: the outcome is unknown, but it may have been accepted.
        momo.stubFor(post(urlPathEqualTo(TRANSFER))
                .withRequestBody(matchingJsonPath("$.payee.partyId", equalTo(msisdn)))
                .willReturn(aResponse().withStatus(202).withFixedDelay(4_000)));
        String id = payout(12_000);
        String scenario = "timeout-" + id;
        status(id, scenario, Scenario.STARTED, pending(id), "pending-once");
        status(id, scenario, "pending-once", successful(id, "12000"), null);
        awaitStatus(id, "SUCCEEDED");
        assertThat(funds.balances(coop, "RWF")).containsExactly(8_000, 0, 12_000);
        assertThat(transfers()).hasSize(1);
    }

    @Test
    void aTransferThatFailedWith5xxIsResentUnderTheSameReferenceOnlyOnceMomoSaysItIsUnknown() {
        String scenario = "5xx-" + msisdn;
        momo.stubFor(post(urlPathEqualTo(TRANSFER))
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(matchingJsonPath("$.payee.partyId", equalTo(msisdn)))
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("not-taken"));
        momo.stubFor(post(urlPathEqualTo(TRANSFER))
                .inScenario(scenario)
                .whenScenarioStateIs("not-taken")
                .withRequestBody(matchingJsonPath("$.payee.partyId", equalTo(msisdn)))
                .willReturn(aResponse().withStatus(202))
                .willSetStateTo("taken"));
        String id = payout(9_000);
        status(id, scenario, "not-taken", aResponse().withStatus(404), null);
        status(id, scenario, "taken", successful(id, "9000"), null);
        awaitStatus(id, "SUCCEEDED");
        List<LoggedRequest> sent = transfers();
        assertThat(sent).hasSize(2);
        assertThat(sent)
                .allSatisfy(r -> assertThat(r.getHeader("X-Reference-Id")).isEqualTo(id));
        assertThat(funds.balances(coop, "RWF")).containsExactly(11_000, 0, 9_000);
    }

    @Test
    void forgedCallbacksAreRefused() {
        acceptTransfers();
        String id = payout(1_000);
        anonymous()
                .body(Map.of("externalId", java.util.UUID.randomUUID().toString(), "status", "SUCCESSFUL"))
                .post("/api/payouts/callbacks/MTN_MOMO")
                .then()
                .statusCode(404)
                .body("type", endsWith("/not-found"));
        anonymous()
                .body(Map.of("externalId", "not-a-uuid"))
                .post("/api/payouts/callbacks/MTN_MOMO")
                .then()
                .statusCode(400);
        anonymous().body("[1,2]").post("/api/payouts/callbacks/MTN_MOMO").then().statusCode(400);
        anonymous().body("{").post("/api/payouts/callbacks/MTN_MOMO").then().statusCode(400);
        // The sandbox's path cannot settle a MoMo payout.
        anonymous()
                .body(Map.of("reference", id))
                .post("/api/payouts/callbacks/SANDBOX")
                .then()
                .statusCode(404);
        assertThat(funds.balances(coop, "RWF")).containsExactly(19_000, 1_000, 0);
    }

    private String payout(long amount) {
        return Funds.payout(staff, coop, "k-" + amount, Map.of("currency", "RWF", "amountMinor", amount))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private void acceptTransfers() {
        momo.stubFor(post(urlPathEqualTo(TRANSFER))
                .withRequestBody(matchingJsonPath("$.payee.partyId", equalTo(msisdn)))
                .willReturn(aResponse().withStatus(202)));
    }

    private void status(
            String id,
            String scenario,
            String state,
            com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        status(id, scenario, state, answer, null);
    }

    private void status(
            String id,
            String scenario,
            String state,
            com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer,
            String next) {
        var stub = get(urlPathEqualTo(TRANSFER + "/" + id))
                .withHeader("Authorization", equalTo("Bearer momo-token"))
                .withHeader("X-Target-Environment", equalTo("sandbox"));
        if (state != null) {
            var inScenario = stub.inScenario(scenario).whenScenarioStateIs(state);
            momo.stubFor((next == null ? inScenario : inScenario.willSetStateTo(next)).willReturn(answer));
            return;
        }
        momo.stubFor(stub.willReturn(answer));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder pending(String id) {
        return okJson("{\"externalId\":\"" + id + "\",\"amount\":\"1\",\"currency\":\"RWF\",\"status\":\"PENDING\"}");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder successful(
            String id, String amount) {
        return okJson(
                "{\"financialTransactionId\":\"FT-" + id + "\",\"externalId\":\"" + id + "\",\"amount\":\"" + amount
                        + "\",\"currency\":\"RWF\",\"payee\":{\"partyIdType\":\"MSISDN\",\"partyId\":\"250788000000\"},"
                        + "\"status\":\"SUCCESSFUL\"}");
    }

    private List<LoggedRequest> transfers() {
        return momo.findAll(postRequestedFor(urlPathEqualTo(TRANSFER))
                .withRequestBody(matchingJsonPath("$.payee.partyId", equalTo(msisdn))));
    }

    private io.restassured.response.Response callback(String id, Map<String, ?> body) {
        return anonymous().body(body).post("/api/payouts/callbacks/MTN_MOMO?payout=" + id);
    }

    private void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(staff)
                .get("/api/payouts/" + id)
                .then()
                .body("status", org.hamcrest.Matchers.equalTo(status)));
    }
}
