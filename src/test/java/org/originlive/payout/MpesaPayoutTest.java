package org.originlive.payout;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.originlive.common.Transactions;
import org.originlive.ledger.Ledger;
import org.originlive.support.Api;
import org.originlive.support.ProviderSimulator;

/** Safaricom Daraja B2C against the WireMock simulator; the test plays Safaricom's result callbacks. */
@QuarkusTest
class MpesaPayoutTest {

    private static final String B2C = "/mpesa/b2c/v3/paymentrequest";
    private static final String STATUS = "/mpesa/transactionstatus/v1/query";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Ledger ledger;

    @Inject
    Pool pool;

    Funds funds;
    WireMockServer daraja;
    String coop;
    String staff;
    String msisdn;

    @BeforeEach
    void setUp() {
        funds = new Funds(ledger, new Transactions(pool));
        daraja = ProviderSimulator.server();
        coop = Api.cooperative();
        staff = Api.cooperativeStaff(coop);
        msisdn = "2547" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
        funds.credit(coop, "KES", 500_000);
        Funds.destination(staff, coop, "MPESA", "+" + msisdn, "KES");
    }

    @Test
    void aB2cPaymentIsSentInDarajaShapesAndItsVerifiedResultSettlesItOnce() throws Exception {
        accept();
        String id = payout(150_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> requests(B2C).size() == 1);
        LoggedRequest sent = requests(B2C).get(0);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer daraja-token");
        JsonNode body = JSON.readTree(sent.getBodyAsString());
        assertThat(body.path("OriginatorConversationID").asText()).isEqualTo(id);
        assertThat(body.path("CommandID").asText()).isEqualTo("BusinessPayment");
        assertThat(body.path("Amount").asText()).isEqualTo("1500");
        assertThat(body.path("PartyA").asText()).isEqualTo("600000");
        assertThat(body.path("PartyB").asText()).isEqualTo(msisdn);
        assertThat(body.path("InitiatorName").asText()).isEqualTo("originlive");
        assertThat(body.path("SecurityCredential").asText()).isEqualTo("encrypted-credential");
        String resultUrl = body.path("ResultURL").asText();
        assertThat(resultUrl).startsWith("https://api.test.originlive.org/api/payouts/callbacks/MPESA?payout=" + id);
        assertThat(body.path("QueueTimeOutURL").asText()).startsWith(resultUrl);
        String path = local(resultUrl);

        // Forged: no token, someone else's token, a token for another payout.
        anonymous()
                .body(result(id, 0, "1500"))
                .post("/api/payouts/callbacks/MPESA?payout=" + id)
                .then()
                .statusCode(403);
        anonymous()
                .body(result(id, 0, "1500"))
                .post(path.replaceAll("token=[0-9a-f]{4}", "token=0000"))
                .then()
                .statusCode(403);
        // Right token, wrong amount: refused, nothing moves.
        anonymous().body(result(id, 0, "15000")).post(path).then().statusCode(422);
        assertThat(funds.balances(coop, "KES")).containsExactly(350_000, 150_000, 0);

        anonymous()
                .body(result(id, 0, "1500"))
                .post(path)
                .then()
                .statusCode(200)
                .body("changed", Matchers.equalTo(true))
                .body("status", Matchers.equalTo("SUCCEEDED"));
        assertThat(funds.balances(coop, "KES")).containsExactly(350_000, 0, 150_000);
        // Safaricom retries results; a repeat, even one now claiming failure, changes nothing.
        anonymous()
                .body(result(id, 2001, null))
                .post(path)
                .then()
                .statusCode(200)
                .body("changed", Matchers.equalTo(false));
        anonymous()
                .body(result(id, 0, "1500"))
                .post(path)
                .then()
                .statusCode(200)
                .body("changed", Matchers.equalTo(false));
        assertThat(funds.balances(coop, "KES")).containsExactly(350_000, 0, 150_000);
        as(staff)
                .get("/api/payouts/" + id)
                .then()
                .body("providerTransactionId", Matchers.equalTo("RKT" + id.substring(0, 6)));
    }

    @Test
    void aFailedResultReturnsTheMoney() throws Exception {
        accept();
        String id = payout(200_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> requests(B2C).size() == 1);
        String path = local(JSON.readTree(requests(B2C).get(0).getBodyAsString())
                .path("ResultURL")
                .asText());
        anonymous()
                .body(result(id, 2001, null))
                .post(path)
                .then()
                .statusCode(200)
                .body("status", Matchers.equalTo("FAILED"));
        as(staff).get("/api/payouts/" + id).then().body("failureReason", Matchers.equalTo("MPESA_2001"));
        assertThat(funds.balances(coop, "KES")).containsExactly(500_000, 0, 0);
    }

    @Test
    void aTimedOutRequestIsAskedAboutNeverResentAndSettledByTheQueryResult() throws Exception {
        daraja.stubFor(post(urlPathEqualTo(B2C))
                .withRequestBody(matchingJsonPath("$.PartyB", equalTo(msisdn)))
                .willReturn(okJson(accepted()).withFixedDelay(4_000)));
        daraja.stubFor(
                post(urlPathEqualTo(STATUS))
                        .withRequestBody(matchingJsonPath("$.PartyA", equalTo("600000")))
                        .willReturn(
                                okJson(
                                        "{\"ConversationID\":\"AG_1\",\"OriginatorConversationID\":\"q\","
                                                + "\"ResponseCode\":\"0\",\"ResponseDescription\":\"Accept the service request successfully.\"}")));
        String id = payout(100_000);
        await().atMost(Duration.ofSeconds(20)).until(() -> statusQueries(id).size() >= 1);
        String path = local(JSON.readTree(statusQueries(id).get(0).getBodyAsString())
                .path("ResultURL")
                .asText());
        as(staff).get("/api/payouts/" + id).then().body("status", Matchers.equalTo("SUBMITTED"));
        anonymous()
                .body(result(id, 0, "1000"))
                .post(path)
                .then()
                .statusCode(200)
                .body("status", Matchers.equalTo("SUCCEEDED"));
        assertThat(funds.balances(coop, "KES")).containsExactly(400_000, 0, 100_000);
        assertThat(requests(B2C)).hasSize(1);
    }

    private String payout(long amount) {
        return Funds.payout(staff, coop, "k-" + amount, Map.of("currency", "KES", "amountMinor", amount))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private void accept() {
        daraja.stubFor(post(urlPathEqualTo(B2C))
                .withRequestBody(matchingJsonPath("$.PartyB", equalTo(msisdn)))
                .willReturn(okJson(accepted())));
    }

    private static String accepted() {
        return "{\"ConversationID\":\"AG_20191219_00005797af5d7d75f652\",\"OriginatorConversationID\":\"x\","
                + "\"ResponseCode\":\"0\",\"ResponseDescription\":\"Accept the service request successfully.\"}";
    }

    private List<LoggedRequest> requests(String path) {
        return daraja.findAll(
                postRequestedFor(urlPathEqualTo(path)).withRequestBody(matchingJsonPath("$.PartyB", equalTo(msisdn))));
    }

    private List<LoggedRequest> statusQueries(String id) {
        return daraja.findAll(postRequestedFor(urlPathEqualTo(STATUS))
                .withRequestBody(matchingJsonPath("$.OriginatorConversationID", equalTo(id))));
    }

    /** The result URL we gave Safaricom, as a path on the app under test. */
    private static String local(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static Map<String, Object> result(String id, int code, String amount) {
        Map<String, Object> result = new java.util.HashMap<>(Map.of(
                "ResultType",
                0,
                "ResultCode",
                code,
                "ResultDesc",
                code == 0 ? "The service request is processed successfully." : "Declined",
                "OriginatorConversationID",
                id,
                "ConversationID",
                "AG_20191219_00005797af5d7d75f652",
                "TransactionID",
                "RKT" + id.substring(0, 6)));
        if (amount != null) {
            result.put(
                    "ResultParameters",
                    Map.of(
                            "ResultParameter",
                            List.of(
                                    Map.of("Key", "TransactionAmount", "Value", amount),
                                    Map.of("Key", "TransactionReceipt", "Value", "RKT" + id.substring(0, 6)))));
        }
        return Map.of("Result", result);
    }
}
